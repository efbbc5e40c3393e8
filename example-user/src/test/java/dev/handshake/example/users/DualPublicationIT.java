package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.support.Settings;
import dev.handshake.example.users.KafkaStack.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * v1 and v2 side by side on a real broker and PostgreSQL: every outbox row goes to both topics with the same key,
 * event id and position; a row is marked sent only once both acknowledged it, so a relay that dies between the
 * two, or a topic that refuses it, costs a resend to both, never a version without the other.
 */
class DualPublicationIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static int topics;
  @RegisterExtension
  static final RelayFixture RELAY = new RelayFixture();


  @Test
  void bothTopicsGetEveryEventWithTheSameIdsPositionsAndPartitionsInEachUsersOrder() throws Exception {
    String topic = newTopics(RELAY.stack(), 3);
    User ada = RELAY.parts().users().create("ada@example.com", "Ada King Lovelace");
    User grace = RELAY.parts().users().create("grace@example.com", "Grace");
    RELAY.parts().users().update(ada.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("LOCKED"));
    RELAY.parts().users().update(grace.id(), Optional.empty(), Optional.of("Grace"), Optional.of("Hopper"), Optional.empty());
    RELAY.parts().users().delete(ada.id());
    relayAll(RELAY.stack(), topic, OutboxRelay.AfterSend.NOTHING);

    List<Received> v1 = RELAY.stack().readUntil(topic, r -> r.size() >= 5, WAIT);
    List<Received> v2 = RELAY.stack().readUntil(EventVersion.V2.topic(topic), r -> r.size() >= 5, WAIT);
    assertThat(v1).hasSize(5);
    assertThat(v2).extracting(Received::id, Received::position, Received::key, Received::type, Received::version,
            Received::partition)
        .containsExactlyInAnyOrderElementsOf(v1.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(),
            r.position(), r.key(), r.type(), r.version(), r.partition())).toList());
    for (List<Received> records : List.of(v1, v2)) {
      assertThat(versionsByUser(records)).containsEntry(ada.id(), List.of(1L, 2L, 3L))
          .containsEntry(grace.id(), List.of(1L, 2L));
    }

    Map<String, Received> v2ById = v2.stream().collect(Collectors.toMap(Received::id, Function.identity()));
    Received adaLockedV1 = v1.stream().filter(r -> r.key().equals(ada.id()) && r.version() == 2).findFirst().orElseThrow();
    Received adaLockedV2 = v2ById.get(adaLockedV1.id());
    assertThat(adaLockedV1.value().getSchema().getFullName()).isEqualTo("dev.handshake.example.user.UserUpdated");
    assertThat(adaLockedV1.value().get("status").toString()).isEqualTo("SUSPENDED");
    assertThat(adaLockedV1.value().get("displayName").toString()).isEqualTo("Ada King Lovelace");
    assertThat(adaLockedV2.value().getSchema().getFullName()).isEqualTo("dev.handshake.example.user.v2.UserUpdated");
    assertThat(adaLockedV2.value().get("status").toString()).isEqualTo("LOCKED");
    assertThat(adaLockedV2.value().get("givenName").toString()).isEqualTo("Ada");
    assertThat(adaLockedV2.value().get("familyName").toString()).isEqualTo("King Lovelace");
    assertThat(adaLockedV2.value().get("eventId").toString()).isEqualTo(adaLockedV1.value().get("eventId").toString());
    assertThat(RELAY.parts().admin().status().pending()).isZero();
  }

  @Test
  void aRelayThatDiesAfterBothAcknowledgedResendsToBoth() throws Exception {
    String topic = newTopics(RELAY.stack(), 1);
    User user = RELAY.parts().users().create("crash@example.com", "Crash Test");

    try (OutboxRelay crashing = relay(RELAY.stack(), topic, events -> {
      throw new IllegalStateException("relay process died after both topics acknowledged, before marking");
    })) {
      assertThatThrownBy(crashing::relayOnce).hasMessageContaining("died");
    }
    assertThat(RELAY.parts().admin().status().pending()).as("still unsent after the crash").isEqualTo(1);
    relayAll(RELAY.stack(), topic, OutboxRelay.AfterSend.NOTHING);

    for (String each : List.of(topic, EventVersion.V2.topic(topic))) {
      List<Received> records = RELAY.stack().readUntil(each, r -> r.size() >= 2, WAIT);
      assertThat(records).as(each).extracting(Received::key).containsExactly(user.id(), user.id());
      assertThat(records.get(1).id()).as(each + ": the same event, sent again").isEqualTo(records.get(0).id());
      assertThat(records.get(1).position()).isEqualTo(records.get(0).position());
    }
    assertThat(RELAY.parts().admin().status().pending()).isZero();
  }

  /**
   * v2's schemas not registered yet (a deploy that forgot them): every row reaches v1's topic and is refused by
   * v2's, so none is marked sent. Once they are registered, a new relay sends every row to both topics: v2 gets
   * each once and in order, v1 gets each again with its id and position (consumers deduplicate), nothing is lost.
   */
  @Test
  void rowsThatReachedV1ButNotV2StayUnsentAndGoToBothOnceV2Can() throws Exception {
    try (KafkaStack v1Only = KafkaStack.start(KafkaStack.SCHEMAS)) {
      String topic = newTopics(v1Only, 1);
      User user = RELAY.parts().users().create("halfway@example.com", "Half Way");
      RELAY.parts().users().update(user.id(), Optional.of("halfway2@example.com"), Optional.empty(), Optional.empty(),
          Optional.empty());

      try (OutboxRelay relay = relay(v1Only, topic, OutboxRelay.AfterSend.NOTHING)) {
        assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.STALLED);
      }
      assertThat(v1Only.readUntil(topic, r -> !r.isEmpty(), WAIT)).extracting(Received::version).containsExactly(1L);
      assertThat(v1Only.recordCount(EventVersion.V2.topic(topic))).isZero();
      assertThat(RELAY.parts().admin().status().pending()).as("v1 alone does not mark a row sent").isEqualTo(2);

      v1Only.register(KafkaStack.SCHEMAS_V2);
      relayAll(v1Only, topic, OutboxRelay.AfterSend.NOTHING);

      List<Received> v2 = v1Only.readUntil(EventVersion.V2.topic(topic), r -> r.size() >= 2, WAIT);
      List<Received> v1 = v1Only.readUntil(topic, r -> r.size() >= 3, WAIT);
      assertThat(v2).extracting(Received::version).containsExactly(1L, 2L);
      assertThat(v1).extracting(Received::version).containsExactly(1L, 1L, 2L);
      assertThat(v1.get(1)).extracting(Received::id, Received::position)
          .containsExactly(v1.get(0).id(), v1.get(0).position());
      assertThat(v1.subList(1, 3)).extracting(Received::id, Received::position)
          .containsExactlyElementsOf(v2.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.position()))
              .toList());
      assertThat(RELAY.parts().admin().status().pending()).isZero();
    }
  }

  @Test
  void withPublishedVersionsV2OnlyV2IsPublished() throws Exception {
    String topic = newTopics(RELAY.stack(), 1);
    Map<String, String> env = new HashMap<>(RELAY.stack().relayEnv(topic));
    env.put("HTTP_PORT", "0");
    env.put("OUTBOX_POLL_MS", "100");
    env.put("PUBLISHED_VERSIONS", "v2");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (UserService service = UserService.start(env, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("publishing the outbox to " + topic + ".v2 at");
      String id = new ApiClient(service.url()).createUser("v2only@example.com", "Only V2").get("id").asText();
      assertThat(RELAY.stack().readUntil(EventVersion.V2.topic(topic), r -> !r.isEmpty(), WAIT))
          .extracting(Received::key).containsExactly(id);
      awaitNothingPending(service);
    }
    assertThat(RELAY.stack().recordCount(topic)).as("v1's topic, after the row was marked sent").isZero();
  }

  /** v1's topic and v2's beside it. */
  private static String newTopics(KafkaStack on, int partitions) {
    String topic = "dual-" + ++topics;
    on.createTopic(topic, partitions);
    on.createTopic(EventVersion.V2.topic(topic), partitions);
    return topic;
  }

  /** Relays until nothing is left; fails past the deadline. */
  private static void relayAll(KafkaStack on, String topic, OutboxRelay.AfterSend afterSend) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try (OutboxRelay relay = relay(on, topic, afterSend)) {
      while (relay.relayOnce() != OutboxRelay.Round.IDLE) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the relay did not empty the outbox within " + WAIT + ": " + RELAY.parts().admin().status());
        }
      }
    }
  }

  private static OutboxRelay relay(KafkaStack on, String topic, OutboxRelay.AfterSend afterSend) {
    Map<String, Object> properties = RelayProducer.properties(Settings.of(on.relayEnv(topic))).orElseThrow();
    return new OutboxRelay(RELAY.parts().transactions(), RELAY.parts().signal(), RELAY.parts().admin(), RelayProducer.create(properties),
        new OutboxRelay.Config(topic, 500, Duration.ofMillis(100), Duration.ofHours(1)), afterSend,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  /** Each user's versions in the order its partition holds them (one user's records share a partition). */
  private static Map<String, List<Long>> versionsByUser(List<Received> records) {
    return records.stream()
        .sorted(Comparator.comparingInt(Received::partition).thenComparingLong(Received::offset))
        .collect(Collectors.groupingBy(Received::key, Collectors.mapping(Received::version, Collectors.toList())));
  }

  /** Waits (bounded) until the service's relay marked everything sent. */
  private static void awaitNothingPending(UserService service) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (service.admin().status().pending() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the relay left events pending: " + service.admin().status());
      }
      Thread.onSpinWait();
    }
  }
}
