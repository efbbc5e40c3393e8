package dev.handshake.example.auth.it;

import dev.handshake.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.auth.AuthService;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumer on a real broker, registry and PostgreSQL: each poll batch commits with its offsets in auth's
 * database, positions come from that database (never from Kafka's commits), and events are idempotent by id and
 * guarded by version.
 */
@ExtendWith(Infrastructure.Resolver.class)
class KafkaConsumerTest {
  private static Infrastructure infrastructure;

  @BeforeAll
  static void parts(Infrastructure shared) {
    infrastructure = shared;
  }

  @Test
  void anEventReplayedUnderNewOffsetsChangesNothing() throws Exception {
    String topic = infrastructure.newTopic(1);
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic);
        AuthService auth = AuthService.start(infrastructure.authEnv(topic, Map.of()))) {
      AuthClient client = new AuthClient(auth.url());
      GenericRecord created = producer.send("UserCreated", "u1", "ada@example.com", "ACTIVE", 1);
      Await.until("the event is applied", () -> client.stat("applied") == 1);

      producer.send(created); // user-service's outbox replay: the same event id, a new offset
      producer.send(created);
      Await.until("both copies are seen", () -> client.stat("duplicates") == 2);

      assertThat(client.stat("applied")).isEqualTo(1);
      assertThat(client.get("/users/u1").path("version").asLong()).isEqualTo(1);
    }
  }

  @Test
  void anOlderEventAfterANewerOneLeavesTheNewerState() throws Exception {
    String topic = infrastructure.newTopic(1);
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic);
        AuthService auth = AuthService.start(infrastructure.authEnv(topic, Map.of()))) {
      AuthClient client = new AuthClient(auth.url());
      producer.send("UserUpdated", "u1", "new@example.com", "SUSPENDED", 2);
      producer.send("UserCreated", "u1", "old@example.com", "ACTIVE", 1);

      Await.until("both events are processed", () -> client.stat("applied") + client.stat("stale") == 2);

      assertThat(client.stat("stale")).isEqualTo(1);
      JsonNode user = client.get("/users/u1");
      assertThat(user.path("email").asText()).isEqualTo("new@example.com");
      assertThat(user.path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(user.path("version").asLong()).isEqualTo(2);
    }
  }

  @Test
  void aCrashBetweenTheDatabaseCommitAndTheKafkaCommitRedeliversNothing() throws Exception {
    String topic = infrastructure.newTopic(2);
    Map<String, String> env = infrastructure.authEnv(topic, Map.of());
    String group = env.get("CONSUMER_GROUP");
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic)) {
      for (int i = 1; i <= 6; i++) {
        producer.send("UserCreated", "u" + i, "user" + i + "@example.com", "ACTIVE", 1);
      }
      try (AuthService auth = AuthService.start(env)) {
        AuthClient client = new AuthClient(auth.url());
        Await.until("six events are applied", () -> client.stat("applied") == 6);
      }
      // The process died after its database commit but before Kafka heard of it: Kafka's committed offsets are
      // still at the start of each partition.
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          infrastructure.kafka().bootstrapServers()))) {
        admin.alterConsumerGroupOffsets(group, Map.of(
            new TopicPartition(topic, 0), new OffsetAndMetadata(0),
            new TopicPartition(topic, 1), new OffsetAndMetadata(0))).all().get();
      }

      try (AuthService auth = AuthService.start(env)) {
        AuthClient client = new AuthClient(auth.url());
        producer.send("UserCreated", "u7", "user7@example.com", "ACTIVE", 1);
        Await.until("the new event is applied", () -> client.stat("applied") == 7);

        assertThat(client.stat("duplicates")).as("records before the stored offsets were not read again")
            .isZero();
      }
    }
  }

  @Test
  void kafkasCommittedOffsetsFollowTheDatabaseAsAHint() throws Exception {
    String topic = infrastructure.newTopic(1);
    Map<String, String> env = infrastructure.authEnv(topic, Map.of());
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic);
        AuthService auth = AuthService.start(env);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            infrastructure.kafka().bootstrapServers()))) {
      AuthClient client = new AuthClient(auth.url());
      producer.send("UserCreated", "u1", "ada@example.com", "ACTIVE", 1);
      producer.send("UserUpdated", "u1", "ada@example.com", "SUSPENDED", 2);

      Await.until("Kafka's committed offset reaches 2", () -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(env.get("CONSUMER_GROUP"))
            .partitionsToOffsetAndMetadata().get().get(new TopicPartition(topic, 0));
        return committed != null && committed.offset() == 2;
      });
      assertThat(client.stat("applied")).isEqualTo(2);
      assertThat(client.stat("lag")).isZero();
    }
  }

  @Test
  void eventsOfManyUsersOnManyPartitionsAllApplyInPerUserOrder() throws Exception {
    String topic = infrastructure.newTopic(3);
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic);
        AuthService auth = AuthService.start(infrastructure.authEnv(topic, Map.of()))) {
      AuthClient client = new AuthClient(auth.url());
      for (int i = 0; i < 20; i++) {
        producer.send("UserCreated", "u" + i, "u" + i + "@example.com", "ACTIVE", 1);
        producer.send("UserUpdated", "u" + i, "u" + i + "@example.com", "SUSPENDED", 2);
        producer.send("UserDeleted", "u" + i, "u" + i + "@example.com", null, 3);
      }
      Await.until("sixty events are applied", () -> client.stat("applied") == 60);

      assertThat(client.stat("stale")).isZero();
      JsonNode users = client.get("/users?limit=100").path("users");
      assertThat(users).hasSize(20);
      assertThat(List.copyOf(users.findValuesAsText("deleted"))).containsOnly("true");
    }
  }
}
