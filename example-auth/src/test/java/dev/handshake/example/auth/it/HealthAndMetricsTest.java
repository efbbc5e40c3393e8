package dev.handshake.example.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.auth.AuthService;
import dev.handshake.testsupport.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * auth-service's health and metrics on the real broker: while another member of its group holds the topic's only
 * partition (as when a restarted instance waits for its group), its lag is unknown, not 0, and it is not ready;
 * once it has the partition, it is ready and its metrics show what it applied.
 */
@ExtendWith(Infrastructure.Resolver.class)
class HealthAndMetricsTest {
  private static Infrastructure infrastructure;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void parts(Infrastructure shared) {
    infrastructure = shared;
  }

  @Test
  void withoutPartitionsTheLagIsUnknownAndAuthIsNotReadyThenItCatchesUp() throws Exception {
    String topic = infrastructure.newTopic(1);
    Map<String, String> env = infrastructure.authEnv(topic, Map.of());
    String group = env.get("CONSUMER_GROUP");
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic);
        Admin admin = infrastructure.kafka().admin()) {
      producer.send("UserCreated", "u1", "ada@example.com", "ACTIVE", 1);
      // The range assignor gives the one partition to the member whose id sorts first: "aaa-holder-..." before
      // "auth-service-...".
      try (KafkaConsumer<byte[], byte[]> holder = holder(group, topic);
          AuthService auth = AuthService.start(env)) {
        AuthClient client = new AuthClient(auth.url());
        Await.until("auth is a member of its group without partitions", () -> {
          holder.poll(Duration.ofMillis(100));
          ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
              .describedGroups().get(group).get();
          return description.members().size() == 2 && description.members().stream()
              .filter(member -> member.clientId().startsWith("auth-service"))
              .map(MemberDescription::assignment).allMatch(assignment -> assignment.topicPartitions().isEmpty())
              && client.get("/admin/stats").path("lagUnknown").asText().startsWith("no partition of " + topic);
        });

        JsonNode stats = client.get("/admin/stats");
        assertThat(stats.get("lag").isNull()).as("lag while auth has no partitions: %s", stats).isTrue();
        assertThat(stats.has("lagByPartition")).isFalse();
        AuthClient.Answer ready = client.anonymous().send("GET", "/health/ready", null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body().path("checks").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(ready.body().path("checks").path("events").path("reason").asText())
            .startsWith("no partition of " + topic + " is assigned to this instance");
        assertThat(metrics(auth.url())).contains("auth_consumer_lag_known 0.0")
            .doesNotContain("auth_consumer_lag_events{");
        assertThat(client.anonymous().send("GET", "/health/live", null).status()).isEqualTo(200);

        holder.close();
        Await.until("auth has the partition and applied the event", () -> client.stat("applied") == 1
            && client.get("/admin/stats").path("lag").isIntegralNumber());
        stats = client.get("/admin/stats");
        assertThat(stats.path("lag").asLong()).isZero();
        assertThat(stats.path("lagByPartition").toString()).isEqualTo("{\"0\":0}");
        assertThat(client.anonymous().send("GET", "/health/ready", null).status()).isEqualTo(200);
        assertThat(metrics(auth.url())).contains(
            "auth_events_total{outcome=\"applied\"} 1.0",
            "auth_events_total{outcome=\"duplicate\"} 0.0",
            "auth_events_total{outcome=\"dead_lettered\"} 0.0",
            "auth_consumer_lag_known 1.0",
            "auth_consumer_lag_events{partition=\"0\",topic=\"" + topic + "\"} 0.0",
            "auth_consumer_batch_seconds_count{outcome=\"committed\"} 1",
            "auth_consumer_transient_failures_total 0.0");
      }
    }
  }

  private static KafkaConsumer<byte[], byte[]> holder(String group, String topic) throws Exception {
    KafkaConsumer<byte[], byte[]> holder = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.CLIENT_ID_CONFIG, "aaa-holder",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    holder.subscribe(List.of(topic));
    Await.until("the holder has the partition", () -> {
      holder.poll(Duration.ofMillis(100));
      return !holder.assignment().isEmpty();
    });
    holder.pause(holder.assignment());
    return holder;
  }

  private String metrics(URI base) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
