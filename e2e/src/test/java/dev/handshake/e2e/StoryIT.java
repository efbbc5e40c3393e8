package dev.handshake.e2e;

import dev.handshake.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * demo/story.sh's walk-through, one test per step, on one stack (the steps build on each other, as in the story):
 * both services from their jars on a real broker, registry and two PostgreSQL servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryIT {
  private Path dataDir;
  private LocalStack stack;
  private ServiceJar userService;
  private ServiceJar authService;
  private Users users;

  @BeforeAll
  void startStack(@TempDir Path directory) throws Exception {
    dataDir = directory;
    stack = LocalStack.start(dataDir.resolve("stack"));
    userService = stack.startUserService();
    authService = stack.startAuthService(Map.of());
    users = new Users(userService.client());
  }

  @AfterAll
  void stopStack() {
    try (LocalStack infra = stack; ServiceJar user = userService; ServiceJar auth = authService) {
      // closed in reverse order: auth, user-service, then the infrastructure
    }
  }

  private ServiceClient auth() {
    return authService.client();
  }

  @Test
  @Order(1)
  void usersCreatedUpdatedAndDeletedReachAuth() throws Exception {
    String ada = users.create("ada@example.com", "Ada");
    String bob = users.create("bob@example.com", "Bob");
    String cy = users.create("cy@example.com", "Cy");
    users.update(bob, "{\"status\":\"SUSPENDED\",\"email\":\"bob@example.org\"}");
    users.delete(cy);

    stack.awaitEqual("auth holds ada and bob as user-service does", auth());
    assertThat(auth().get("/users/" + bob).path("email").asText()).isEqualTo("bob@example.org");
    assertThat(auth().get("/users/" + cy).path("deleted").asBoolean()).isTrue();
    assertThat(auth().get("/users/" + ada).path("version").asLong()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void aDeletedUserIsRefusedAtLogin() throws Exception {
    String dan = users.create("dan@example.com", "Dan");
    Await.until("auth knows dan", () -> auth().send("GET", "/users/" + dan, null).status() == 200);
    auth().expect(204, "PUT", "/credentials/" + dan, "{\"password\":\"correct horse\"}");
    String login = "{\"email\":\"dan@example.com\",\"password\":\"correct horse\"}";
    assertThat(auth().expect(200, "POST", "/login", login).path("userId").asText()).isEqualTo(dan);

    users.delete(dan);
    Await.until("auth has dan's deletion", () -> auth().get("/users/" + dan).path("deleted").asBoolean());
    assertThat(auth().send("POST", "/login", login).status()).isEqualTo(401);
  }

  @Test
  @Order(3)
  void authStoppedWhileUsersChangeCatchesUpAfterRestart() throws Exception {
    authService.close();
    for (int i = 0; i < 20; i++) {
      String id = users.create("offline" + i + "@example.com", "Offline " + i);
      if (i % 3 == 0) {
        users.update(id, "{\"status\":\"SUSPENDED\"}");
      }
    }
    authService = stack.startAuthService(Map.of());
    stack.awaitEqual("auth caught up after its restart", auth());
  }

  @Test
  @Order(4)
  void aBadReleasesEventsAreDeadLetteredWhileOthersKeepFlowing() throws Exception {
    String ada = users.idOf("ada@example.com");
    long deadBefore = auth().get("/admin/stats").path("deadLettered").asLong();
    try (BadRelease release = new BadRelease(stack.infra.kafkaBootstrapServers(), stack.infra.registryUrl(),
        LocalStack.TOPIC, LocalStack.USER_EVENT_SCHEMAS)) {
      assertThat(release.schemaId()).as("the registry at BACKWARD accepted UserStatus with LOCKED").isPositive();
      release.lock(ada, "ada@example.com", "Ada", 2);
    }
    String eve = users.create("eve@example.com", "Eve");

    Await.until("eve applied and ada's LOCKED event dead-lettered", () ->
        auth().send("GET", "/users/" + eve, null).status() == 200
            && auth().get("/admin/stats").path("deadLettered").asLong() == deadBefore + 1);
    assertThat(auth().get("/users/" + ada).path("status").asText()).isEqualTo("ACTIVE");
    JsonNode letters = auth().get("/admin/dlq");
    assertThat(letters.path("count").asLong()).isEqualTo(1);
    assertThat(letters.path("records").get(0).path("key").asText()).isEqualTo(ada);
  }

  @Test
  @Order(5)
  void authWithAFixedReaderReplaysTheDeadLetters() throws Exception {
    Path fixed = Files.createDirectories(dataDir.resolve("fixed-readers"));
    FixedReaders.write(fixed);
    authService.close();
    authService = stack.startAuthService(Map.of("READER_SCHEMAS_DIR", fixed.toString()));

    JsonNode replay = auth().expect(200, "POST", "/admin/dlq/replay", null);
    assertThat(replay.path("replayed").asInt()).isEqualTo(1);
    assertThat(replay.path("stillFailing").asInt()).isZero();
    String ada = users.idOf("ada@example.com");
    assertThat(auth().get("/users/" + ada).path("status").asText())
        .as("LOCKED reads as the fixed reader's default").isEqualTo("SUSPENDED");
    assertThat(auth().get("/admin/dlq").path("count").asLong()).isZero();

    // The release is rolled back: user-service changes ada twice; its version 2 is stale at auth, 3 applies.
    users.update(ada, "{\"name\":\"Ada L.\"}");
    users.update(ada, "{\"name\":\"Ada\"}");
    stack.awaitEqual("auth equals user-service after the rollback", auth());
  }

  @Test
  @Order(6)
  void reconciliationRepairsAuthWhileTheRelayIsPausedAndOlderEventsDoNotClobberIt() throws Exception {
    long staleBefore = auth().get("/admin/stats").path("stale").asLong();
    userService.client().expect(200, "POST", "/admin/relay/pause", null);
    String fay = users.create("fay@example.com", "Fay");
    users.update(fay, "{\"status\":\"SUSPENDED\"}");
    users.delete(users.idOf("bob@example.org"));
    assertThat(auth().send("GET", "/users/" + fay, null).status()).as("the relay is paused").isEqualTo(404);

    try {
      JsonNode repair = auth().expect(200, "POST", "/admin/reconcile", null);
      assertThat(repair.path("repaired").asLong()).as("fay added, bob deleted: " + repair).isEqualTo(2);
      assertThat(LocalStack.authUsers(auth())).isEqualTo(stack.userServiceUsers());
    } finally {
      userService.client().expect(200, "POST", "/admin/relay/resume", null);
    }
    Await.until("the paused events arrive and are stale", () ->
        auth().get("/admin/stats").path("stale").asLong() == staleBefore + 3);
    assertThat(LocalStack.authUsers(auth())).isEqualTo(stack.userServiceUsers());
  }

  @Test
  @Order(7)
  void aNewAuthInstanceBootstrappedFromTheSnapshotEndsEqual() throws Exception {
    // The new instance runs the fixed reader too: it reads the topic after the snapshot, the LOCKED event included.
    try (ServiceJar second = stack.startAuthInstance("auth_bootstrapped", Map.of("BOOTSTRAP", "snapshot",
        "READER_SCHEMAS_DIR", dataDir.resolve("fixed-readers").toString()))) {
      assertThat(second.output()).contains("bootstrapped from user-service's snapshot at position");
      String gil = users.create("gil@example.com", "Gil");
      stack.awaitEqual("the bootstrapped instance equals user-service, gil included", second.client());
      assertThat(second.client().get("/users/" + gil).path("version").asLong()).isEqualTo(1);
    }
  }

  /** user-service's API as the story uses it. */
  record Users(ServiceClient api) {
    String create(String email, String name) throws Exception {
      return api.expect(201, "POST", "/users", ServiceClient.JSON.createObjectNode().put("email", email)
          .put("name", name).toString()).path("id").asText();
    }

    void update(String id, String json) throws Exception {
      api.expect(200, "PUT", "/users/" + id, json);
    }

    void delete(String id) throws Exception {
      api.expect(204, "DELETE", "/users/" + id, null);
    }

    String idOf(String email) throws Exception {
      for (JsonNode user : api.get("/users/snapshot").path("users")) {
        if (user.path("email").asText().equals(email)) {
          return user.path("id").asText();
        }
      }
      throw new AssertionError("user-service has no user " + email);
    }
  }

  /** auth's shipped reader schemas with a default on UserStatus: the fix for the bad release. */
  static final class FixedReaders {
    static final Path SHIPPED = Path.of("..", "example-auth", "src", "main", "avro");

    static void write(Path directory) throws Exception {
      for (String type : List.of("UserCreated", "UserUpdated", "UserDeleted")) {
        String text = Files.readString(SHIPPED.resolve(type + ".avsc"));
        if (type.equals("UserCreated")) {
          String fixedText = text.replace("\"symbols\": [\"ACTIVE\", \"SUSPENDED\"]",
              "\"symbols\": [\"ACTIVE\", \"SUSPENDED\"], \"default\": \"SUSPENDED\"");
          assertThat(fixedText).as("auth's UserStatus gained a default").isNotEqualTo(text);
          text = fixedText;
        }
        Files.writeString(directory.resolve(type + ".avsc"), text);
      }
    }
  }
}
