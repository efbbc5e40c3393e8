package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.users.ApiClient.Response;
import dev.handshake.example.users.KafkaStack.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole service from its environment, relay on, as an operator runs it against Kafka and a registry. */
class UserServiceIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String TOPIC = "user-events";
  private static KafkaStack stack;
  private static UserService service;
  private static ApiClient api;
  private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    stack = KafkaStack.start();
    stack.createTopic(TOPIC, 3);
    stack.createTopic(TOPIC + ".v2", 3);
    Map<String, String> env = new HashMap<>(stack.relayEnv(TOPIC));
    env.put("HTTP_PORT", "0");
    env.put("OUTBOX_POLL_MS", "100");
    env.put("ADMIN_TOKEN", RunningService.ADMIN_TOKEN);
    service = UserService.start(env, new PrintStream(OUT, true, StandardCharsets.UTF_8));
    api = new ApiClient(service.url()).withAuthorization("Bearer " + RunningService.ADMIN_TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (service != null) {
        service.close();
      }
    } finally {
      if (stack != null) {
        stack.close();
      }
    }
  }

  @Test
  void saysTheRelayIsOnAndWhereItListens() {
    assertThat(OUT.toString(StandardCharsets.UTF_8))
        .contains("relay on: publishing the outbox to user-events, user-events.v2 at " + stack.bootstrapServers())
        .contains("published v1,v2 (UserStatus [ACTIVE, SUSPENDED, LOCKED])")
        .contains("listening on " + service.url());
  }

  @Test
  void aRowThatCommitsLateWhileTheRelayPollsIsPublishedAfterTheOthers() throws Exception {
    UserService.Parts parts = service.parts();
    try (Connection early = TestEvents.open(parts.transactions().dataSource());
        Connection late = TestEvents.open(parts.transactions().dataSource())) {
      UUID insertedFirst = TestEvents.appendCreated(early, "relay-early");
      UUID insertedSecond = TestEvents.appendCreated(late, "relay-late");
      late.commit();
      // The running relay publishes `late` while `early` is still open.
      stack.readUntil(TOPIC, records -> ids(records).contains(insertedSecond.toString()), WAIT);

      early.commit();
      List<Received> records = stack.readUntil(TOPIC, r -> ids(r).contains(insertedFirst.toString()), WAIT);
      Received first = find(records, insertedSecond);
      Received second = find(records, insertedFirst);
      assertThat(second.position()).isGreaterThan(first.position());
    }
  }

  @Test
  void pauseHoldsEventsInTheOutboxAndResumeSendsThem() {
    Response paused = api.post("/admin/relay/pause", "");
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.body().get("paused").asBoolean()).isTrue();
    String id = api.createUser("held@example.com", "Held").get("id").asText();
    try {
      assertThat(api.get("/admin/outbox").body().get("pending").asLong()).isPositive();
    } finally {
      assertThat(api.post("/admin/relay/resume", "").body().get("paused").asBoolean()).isFalse();
    }
    stack.readUntil(TOPIC, records -> records.stream().anyMatch(r -> r.key().equals(id)), WAIT);
  }

  @Test
  void replayOverHttpRepublishesWithTheOriginalIds() {
    String id = api.createUser("again@example.com", "Again").get("id").asText();
    Received original = stack.readUntil(TOPIC, r -> r.stream().anyMatch(x -> x.key().equals(id)), WAIT).stream()
        .filter(r -> r.key().equals(id)).findFirst().orElseThrow();
    awaitNothingPending();

    Response replay = api.post("/admin/outbox/replay", "{\"fromPosition\":" + original.position() + "}");
    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.body().get("requeued").asLong()).isPositive();

    List<Received> records = stack.readUntil(TOPIC,
        r -> r.stream().filter(x -> x.key().equals(id)).count() >= 2, WAIT);
    assertThat(records.stream().filter(r -> r.key().equals(id)))
        .extracting(Received::id).containsOnly(original.id());
  }

  @Test
  void withKafkaButNoRegistryTheSettingIsNamed() {
    Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HTTP_PORT", "0");
    assertThatThrownBy(() -> UserService.start(env))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.variable()).isEqualTo("SCHEMA_REGISTRY_URL"))
        .hasMessageStartingWith("SCHEMA_REGISTRY_URL is not set");
  }

  @Test
  void aWrongSettingIsNamedBeforeAnythingStarts() {
    assertThatThrownBy(() -> UserService.start(Map.of("HTTP_PORT", "eighty")))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("HTTP_PORT"));
    assertThatThrownBy(() -> UserService.start(Map.of("OUTBOX_RETENTION_HOURS", "0")))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.variable()).isEqualTo("OUTBOX_RETENTION_HOURS"));
    assertThatThrownBy(() -> UserService.start(Map.of("PUBLISHED_VERSIONS", "v1,v3")))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.variable()).isEqualTo("PUBLISHED_VERSIONS"))
        .hasMessageContaining("\"v3\"").hasMessageContaining("[v1, v2]");
  }

  /** Waits (bounded) until the relay marked everything sent: GET /admin/outbox says pending 0. */
  private static void awaitNothingPending() {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (api.get("/admin/outbox").body().get("pending").asLong() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the relay left events pending: " + api.get("/admin/outbox").body());
      }
      Thread.onSpinWait();
    }
  }

  private static List<String> ids(List<Received> records) {
    return records.stream().map(Received::id).toList();
  }

  private static Received find(List<Received> records, UUID id) {
    return records.stream().filter(r -> r.id().equals(id.toString())).findFirst().orElseThrow();
  }
}
