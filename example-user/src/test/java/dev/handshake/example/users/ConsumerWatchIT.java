package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.testsupport.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /admin/consumers} and its meters on the real broker: groups that consumed everything, groups behind
 * by events or by time, and contract consumers no group reads for.
 */
class ConsumerWatchIT {
  private static final Path CONTRACT = Path.of("..", "contracts", "auth-service-user-service.json");
  private static final String FORGED_GROUP = "forged\"} 0\nuser_consumer_behind{group=\"fake\",topic=\"x\"} 1\n#";
  @RegisterExtension
  static final KafkaStack.PerClass STACK = new KafkaStack.PerClass();

  @TempDir
  Path contracts;

  @Test
  void flagsTheGroupsBehindByEventsOrByTimeAndTheContractConsumersNoGroupReadsFor() throws Exception {
    String topic = "watched-events";
    STACK.get().createTopic(topic, 2);
    writeContract("auth-service", topic);
    writeContract("billing", topic);
    Map<String, String> env = env(topic, Map.of("CONSUMER_GROUPS", "auth-service=watch-caught-up",
        "CONSUMER_LAG_ALERT_EVENTS", "3", "CONSUMER_LAG_ALERT_SECONDS", "1"));
    try (UserService service = UserService.start(env, quiet())) {
      ApiClient admin = new ApiClient(service.url()).withAuthorization("Bearer " + RunningService.ADMIN_TOKEN);
      for (int i = 0; i < 6; i++) {
        admin.createUser("watch" + i + "@example.com", "Watch " + i);
      }
      Await.until("the relay sent the six events", () -> admin.get("/admin/outbox").body().path("pending").asLong() == 0
          && admin.get("/admin/outbox").body().path("sent").asLong() == 6);
      consumeEverything("watch-caught-up", topic, 6);
      Map<TopicPartition, Long> end = endOffsets(topic);
      commit("watch-behind", zeroes(end));
      Map<TopicPartition, Long> oneShort = new HashMap<>(end);
      TopicPartition nonEmpty = end.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
      oneShort.put(nonEmpty, end.get(nonEmpty) - 1);
      commit("watch-one-behind", oneShort);
      // Kafka takes any text as a group id: one that tries to write its own line into the scrape.
      commit(FORGED_GROUP, end);

      assertThat(new ApiClient(service.url()).get("/admin/consumers").status()).isEqualTo(401);
      Await.until("the group one event behind is flagged once that event is older than 1 s",
          () -> group(admin, "watch-one-behind", topic).path("behind").asBoolean());
      JsonNode report = admin.get("/admin/consumers").body();

      JsonNode caughtUp = group(admin, "watch-caught-up", topic);
      assertThat(caughtUp.path("lag").asLong()).isZero();
      assertThat(caughtUp.path("behind").asBoolean()).isFalse();
      assertThat(caughtUp.path("oldestUnconsumedAgeSeconds").isNull()).isTrue();
      JsonNode behind = group(admin, "watch-behind", topic);
      assertThat(behind.path("lag").asLong()).isEqualTo(6);
      assertThat(behind.path("behind").asBoolean()).isTrue();
      assertThat(behind.path("oldestUnconsumedAgeSeconds").asDouble()).isGreaterThan(1);
      assertThat(behind.path("reasons").get(0).asText())
          .isEqualTo("6 events not consumed, more than CONSUMER_LAG_ALERT_EVENTS=3");
      assertThat(behind.path("partitions")).hasSize(2);
      JsonNode oneBehind = group(admin, "watch-one-behind", topic);
      assertThat(oneBehind.path("lag").asLong()).isEqualTo(1);
      assertThat(oneBehind.path("reasons")).hasSize(1);
      assertThat(oneBehind.path("reasons").get(0).asText()).startsWith("the oldest event not consumed is ")
          .endsWith(" s old, more than CONSUMER_LAG_ALERT_SECONDS=1");
      assertThat(report.path("missing").toString()).isEqualTo("[{\"consumer\":\"billing\",\"group\":\"billing\","
          + "\"topic\":\"watched-events\",\"reason\":\"consumer billing has a contract on watched-events but no consumer "
          + "group billing reads it (if it reads with another group id, map it in CONSUMER_GROUPS)\"}]");
      assertThat(report.path("thresholds").toString()).isEqualTo("{\"events\":3,\"seconds\":1}");

      String metrics = admin.get("/metrics").body().asText();
      assertThat(metrics).contains(
          "user_consumer_behind{group=\"watch-behind\",topic=\"watched-events\"} 1.0",
          "user_consumer_behind{group=\"watch-caught-up\",topic=\"watched-events\"} 0.0",
          "user_consumer_lag_events{group=\"watch-behind\",topic=\"watched-events\"} 6.0",
          "user_consumer_oldest_unconsumed_age_seconds{group=\"watch-caught-up\",topic=\"watched-events\"} 0.0",
          "user_consumer_missing{consumer=\"billing\",group=\"billing\",topic=\"watched-events\"} 1.0",
          "user_consumer_missing{consumer=\"auth-service\",group=\"watch-caught-up\",topic=\"watched-events\"} 0.0",
          "user_consumer_watch_up 1.0",
          "user_outbox_unsent_events 0.0",
          "user_outbox_oldest_unsent_age_seconds 0.0",
          "user_outbox_sent_events_total 6.0");
      assertThat(metrics.lines()).as("no line of the scrape comes from a group id")
          .noneMatch(line -> line.startsWith("user_consumer_behind{group=\"fake\""));
      assertThat(group(admin, FORGED_GROUP, topic).path("behind").asBoolean()).isFalse();
      assertThat(new ApiClient(service.url()).get("/health/ready").status()).isEqualTo(200);
    }
  }

  @Test
  void withoutSettingsTheContractsItWasBuiltWithNameAuthServiceAndItsGroup() throws Exception {
    try (UserService service = UserService.start(env("user-events", Map.of()), quiet())) {
      ApiClient admin = new ApiClient(service.url()).withAuthorization("Bearer " + RunningService.ADMIN_TOKEN);

      JsonNode report = admin.get("/admin/consumers").body();

      assertThat(report.path("thresholds").toString()).isEqualTo("{\"events\":100,\"seconds\":60}");
      // The jar carries contracts/*.json: auth-service's current contract, on v2. Released contracts
      // (contracts/released/) are what old versions read; watching them would flag auth once it moved to v2.
      assertThat(report.path("missing")).hasSize(1);
      assertThat(report.path("missing").get(0).path("consumer").asText()).isEqualTo("auth-service");
      assertThat(report.path("missing").get(0).path("group").asText()).isEqualTo("auth-service");
      assertThat(report.path("missing").get(0).path("topic").asText()).isEqualTo("user-events.v2");
    }
  }

  @Test
  void scrapesAskTheBrokerOncePerRefreshIntervalAndTheEndpointEveryTime() throws Exception {
    String topic = "scraped-events";
    STACK.get().createTopic(topic, 1);
    try (UserService service = UserService.start(env(topic, Map.of(ConsumerWatch.REFRESH_SECONDS, "3600")),
        quiet())) {
      ApiClient admin = new ApiClient(service.url()).withAuthorization("Bearer " + RunningService.ADMIN_TOKEN);
      for (int scrape = 0; scrape < 5; scrape++) {
        assertThat(admin.get("/metrics").status()).isEqualTo(200);
      }
      assertThat(refreshes(admin)).as("five scrapes within the interval, one question to the broker").isEqualTo(1);
      assertThat(admin.get("/admin/consumers").status()).isEqualTo(200);
      assertThat(refreshes(admin)).as("the endpoint always asks").isEqualTo(2);
      assertThat(admin.get("/metrics").body().asText()).contains("user_consumer_watch_up 1.0")
          .containsPattern("user_consumer_watch_age_seconds \\d");
    }
  }

  @Test
  void aStableGroupWhoseMembersReadOnlyTheOtherVersionMovedOffAndIsNotBehind() throws Exception {
    String topic = "moving-events";
    STACK.get().createTopic(topic, 1);
    try (UserService service = UserService.start(env(topic, Map.of(ConsumerWatch.ALERT_EVENTS, "1")), quiet())) {
      ApiClient admin = new ApiClient(service.url()).withAuthorization("Bearer " + RunningService.ADMIN_TOKEN);
      for (int i = 0; i < 3; i++) {
        admin.createUser("moving" + i + "@example.com", "Moving " + i);
      }
      Await.until("the relay sent the three events", () -> admin.get("/admin/outbox").body().path("sent").asLong() == 3);
      commit("moving", zeroes(endOffsets(topic)));
      Await.until("the group that left its v1 offsets unread is flagged behind while it has no members",
          () -> group(admin, "moving", topic).path("behind").asBoolean());

      try (KafkaConsumer<byte[], byte[]> onV2 = consumer("moving")) {
        onV2.subscribe(List.of(topic + ".v2"));
        Await.until("the group's only member reads " + topic + ".v2 and the watch says it moved off " + topic, () -> {
          onV2.poll(Duration.ofMillis(100));
          JsonNode left = group(admin, "moving", topic);
          return "STABLE".equalsIgnoreCase(left.path("state").asText()) && !left.path("reading").asBoolean();
        });
        JsonNode left = group(admin, "moving", topic);
        assertThat(left.path("lag").asLong()).as("its lag is still the truth").isEqualTo(3);
        assertThat(left.path("behind").asBoolean()).isFalse();
        assertThat(left.path("reasons")).isEmpty();
        assertThat(group(admin, "moving", topic + ".v2").path("reading").asBoolean()).isTrue();
        assertThat(admin.get("/admin/consumers").body().path("alerts").toString())
            .doesNotContain("behind on " + topic + ":");
      }
    }
  }

  @Test
  void wrongWatchSettingsStopTheStartNamingTheVariable() throws Exception {
    Files.writeString(contracts.resolve("notes.json"), "{\"not\":\"a contract\"}");
    Map<String, String> wrong = Map.of(
        "CONSUMER_LAG_ALERT_EVENTS", "0",
        "CONSUMER_LAG_ALERT_SECONDS", "soon",
        "CONSUMER_GROUPS", "auth-service",
        "CONSUMER_CONTRACTS_DIR", contracts.resolve("missing").toString());
    for (Map.Entry<String, String> setting : wrong.entrySet()) {
      assertThatThrownBy(() -> UserService.start(env("user-events", Map.of(setting.getKey(), setting.getValue())),
          quiet()))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageStartingWith(setting.getKey() + "=")
          .extracting(e -> ((InvalidSettingException) e).variable()).isEqualTo(setting.getKey());
    }
    assertThatThrownBy(() -> UserService.start(env("user-events", Map.of("CONSUMER_GROUPS", "auth-service=a group!")),
        quiet())).hasMessageContaining("\"auth-service=a group!\" is not consumer=group");
    assertThatThrownBy(() -> UserService.start(env("user-events", Map.of("CONSUMER_CONTRACTS_DIR",
        contracts.toString())), quiet()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("notes.json").hasMessageContaining("is not a Pact message contract");
  }

  private Map<String, String> env(String topic, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(STACK.get().relayEnv(topic));
    env.put("HTTP_PORT", "0");
    env.put("ADMIN_TOKEN", RunningService.ADMIN_TOKEN);
    if (!extra.containsKey("CONSUMER_CONTRACTS_DIR") && contracts != null && hasContracts()) {
      env.put("CONSUMER_CONTRACTS_DIR", contracts.toString());
    }
    env.putAll(extra);
    return env;
  }

  private boolean hasContracts() {
    try (var files = Files.list(contracts)) {
      return files.anyMatch(file -> file.getFileName().toString().startsWith("contract-"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** auth-service's committed contract, as {@code consumer}'s on {@code topic} (edited as JSON). */
  private void writeContract(String consumer, String topic) throws Exception {
    ObjectNode contract = (ObjectNode) JsonHttpServer.MAPPER.readTree(CONTRACT.toFile());
    ((ObjectNode) contract.path("consumer")).put("name", consumer);
    for (JsonNode interaction : contract.path("interactions")) {
      ((ObjectNode) interaction.path("metadata")).put("handshake.topic", topic);
    }
    JsonHttpServer.MAPPER.writeValue(contracts.resolve("contract-" + consumer + ".json").toFile(), contract);
  }

  private static long refreshes(ApiClient admin) {
    String line = admin.get("/metrics").body().asText().lines()
        .filter(l -> l.startsWith("user_consumer_watch_refreshes_total ")).findFirst().orElseThrow();
    return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
  }

  private static JsonNode group(ApiClient admin, String group, String topic) {
    JsonNode groups = admin.get("/admin/consumers").body().path("groups");
    return StreamSupport.stream(groups.spliterator(), false)
        .filter(g -> g.path("group").asText().equals(group) && g.path("topic").asText().equals(topic))
        .findFirst().orElseThrow(() -> new AssertionError("no group " + group + " on " + topic + " in " + groups));
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String group) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.get().bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void consumeEverything(String group, String topic, int events) throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(group)) {
      consumer.subscribe(List.of(topic));
      int[] read = {0};
      Await.until(group + " read all " + events + " events", () -> {
        read[0] += consumer.poll(Duration.ofMillis(200)).count();
        return read[0] == events;
      });
      consumer.commitSync();
    }
  }

  private static void commit(String group, Map<TopicPartition, Long> offsets) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(group)) {
      Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
      offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
      consumer.assign(offsets.keySet());
      consumer.commitSync(commits);
    }
  }

  private static Map<TopicPartition, Long> endOffsets(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer("watch-end-offsets")) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      return consumer.endOffsets(partitions);
    }
  }

  private static Map<TopicPartition, Long> zeroes(Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> zeroes = new HashMap<>();
    end.keySet().forEach(partition -> zeroes.put(partition, 0L));
    return zeroes;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
