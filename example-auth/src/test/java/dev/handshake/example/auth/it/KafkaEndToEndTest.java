package dev.handshake.example.auth.it;

import dev.handshake.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.example.auth.AuthService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * auth-service behind the real user-service and its outbox relay on the real broker: bootstrap when the broker no
 * longer holds the early records, and catch-up after auth was stopped while users changed.
 */
@ExtendWith(Infrastructure.Resolver.class)
class KafkaEndToEndTest {
  private static final int PARTITIONS = 2;
  private static Infrastructure infrastructure;
  private String topic;
  private UserServiceProcess userService;
  private UserServiceUsers users;

  @BeforeAll
  static void registerUserServiceSchemas(Infrastructure shared) throws Exception {
    infrastructure = shared;
    // Registered before deploy, as user-service's relay expects (it never auto-registers).
    RestSchemaRegistry registry = RestSchemaRegistry.of(shared.registryUrl());
    for (String type : List.of("UserCreated", "UserUpdated", "UserDeleted")) {
      registry.register("dev.handshake.example.user." + type, RegistrySchema.of(
          Files.readString(Path.of("..", "schemas", "user-events", type + ".avsc"))));
    }
  }

  @BeforeEach
  void startUserService() throws Exception {
    topic = infrastructure.newTopic(PARTITIONS);
    userService = UserServiceProcess.onOwnDatabase(infrastructure, "users_" + topic.replace('-', '_'), Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers(),
        "SCHEMA_REGISTRY_URL", infrastructure.registryUrl(),
        "USER_EVENTS_TOPIC", topic,
        "PUBLISHED_VERSIONS", "v1", // this test reads v1 only, and registers only v1's schemas
        "OUTBOX_POLL_MS", "100"));
    users = new UserServiceUsers(userService);
  }

  @AfterEach
  void stopUserService() {
    userService.close();
  }

  @Test
  void bootstrapLeavesNoGapWhenTheBrokerDeletedTheEarlyRecords() throws Exception {
    String early = users.create("early@example.com");
    users.update(early, "{\"status\":\"SUSPENDED\"}");
    String other = users.create("other@example.com");
    awaitRelayed(3);
    deleteAllRecordsSoFar();
    String overlap = users.create("overlap@example.com"); // on the topic, and in the snapshot below
    awaitRelayed(4);

    try (AuthService auth = AuthService.start(infrastructure.authEnv(topic, Map.of("BOOTSTRAP", "snapshot",
        "USER_SERVICE_URL", userService.url().toString())))) {
      AuthClient client = new AuthClient(auth.url());
      assertThat(client.get("/users/" + early).path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(client.get("/users/" + other).path("version").asLong()).isEqualTo(1);
      assertThat(client.get("/users/" + overlap).path("deleted").asBoolean()).isFalse();

      users.update(other, "{\"email\":\"other2@example.com\"}");
      String later = users.create("later@example.com");
      Await.until("the events after the snapshot apply", () -> client.stat("applied") == 2);
      assertThat(client.get("/users/" + other).path("email").asText()).isEqualTo("other2@example.com");
      assertThat(client.get("/users/" + later).path("version").asLong()).isEqualTo(1);
      assertThat(client.stat("stale") + client.stat("duplicates"))
          .as("the overlap (records at or before the snapshot's position) was skipped, not re-applied").isZero();
    }
  }

  @Test
  void afterBeingStoppedAuthCatchesUpFromTheOffsetsInItsOwnDatabase() throws Exception {
    String stays = users.create("stays@example.com");
    String changes = users.create("changes@example.com");
    String goes = users.create("goes@example.com");
    Map<String, String> env = infrastructure.authEnv(topic, Map.of());
    try (AuthService auth = AuthService.start(env)) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("auth applied the three creations", () -> client.stat("applied") == 3);
      assertThat(client.send("PUT", "/credentials/" + goes, "{\"password\":\"pw-goes-1\"}").status())
          .isEqualTo(204);
      assertThat(login(client, "goes@example.com", "pw-goes-1")).isEqualTo(200);
    }

    users.update(changes, "{\"status\":\"SUSPENDED\"}");
    users.delete(goes);
    String arrives = users.create("arrives@example.com");
    awaitRelayed(6);

    try (AuthService auth = AuthService.start(env)) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("auth caught up", () -> client.stat("applied") == 6);
      assertThat(client.stat("duplicates")).isZero();
      assertThat(client.get("/users/" + changes).path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(client.get("/users/" + arrives).path("deleted").asBoolean()).isFalse();
      assertThat(client.get("/users/" + stays).path("version").asLong()).isEqualTo(1);
      JsonNode gone = client.get("/users/" + goes);
      assertThat(gone.path("deleted").asBoolean()).isTrue();
      assertThat(login(client, "goes@example.com", "pw-goes-1")).as("a deleted user cannot log in")
          .isEqualTo(401);
    }
  }

  private static int login(AuthClient client, String email, String password) throws Exception {
    return client.send("POST", "/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .status();
  }

  /** Waits until the relay has sent {@code count} events (the topic's end offsets add up to it). */
  private void awaitRelayed(long count) throws Exception {
    try (Admin admin = admin()) {
      Await.until(count + " records on " + topic, () -> endOffsets(admin).values().stream()
          .mapToLong(Long::longValue).sum() == count);
    }
  }

  /** The broker drops every record written so far, as retention or an operator would. */
  private void deleteAllRecordsSoFar() throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
      endOffsets(admin).forEach((partition, end) -> deletions.put(partition, RecordsToDelete.beforeOffset(end)));
      admin.deleteRecords(deletions).all().get();
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      deletions.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
      admin.listOffsets(earliest).all().get().forEach((partition, info) ->
          assertThat(info.offset()).as("log start of " + partition).isEqualTo(
              deletions.get(partition).beforeOffset()));
    }
  }

  private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        infrastructure.kafka().bootstrapServers()));
  }
}
