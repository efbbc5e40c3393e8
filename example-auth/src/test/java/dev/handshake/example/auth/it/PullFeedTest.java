package dev.handshake.example.auth.it;

import dev.handshake.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.auth.AuthService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * auth-service on the real user-service's pull feed ({@code EVENT_SOURCE=feed}): the login end to end (a deleted
 * user cannot log in), catch-up after auth was stopped while users changed, and bootstrap from the snapshot.
 */
@ExtendWith(Infrastructure.Resolver.class)
class PullFeedTest {
  private static Infrastructure infrastructure;
  private static UserServiceProcess userService;
  private static UserServiceUsers users;

  @BeforeAll
  static void startUserService(Infrastructure shared) throws Exception {
    infrastructure = shared;
    userService = UserServiceProcess.onOwnDatabase(shared, "users_feed", Map.of());
    users = new UserServiceUsers(userService);
  }

  @AfterAll
  static void stopUserService() {
    if (userService != null) {
      userService.close();
    }
  }

  private static Map<String, String> feedEnv(Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(infrastructure.authEnv("unused", Map.of(
        "EVENT_SOURCE", "feed", "USER_SERVICE_URL", userService.url().toString())));
    env.putAll(extra);
    return env;
  }

  @Test
  void onlyAnActiveLiveUserWithTheRightPasswordLogsInAndEveryRefusalLooksTheSame() throws Exception {
    String active = users.create("active@example.com");
    String suspended = users.create("suspended@example.com");
    String deleted = users.create("deleted@example.com");
    try (AuthService auth = AuthService.start(feedEnv(Map.of()))) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("auth knows the three users", () -> known(client, active) && known(client, suspended)
          && known(client, deleted));
      for (String id : new String[] {active, suspended, deleted}) {
        assertThat(client.send("PUT", "/credentials/" + id, "{\"password\":\"s3cret-pw\"}").status()).isEqualTo(204);
      }
      users.update(suspended, "{\"status\":\"SUSPENDED\"}");
      users.delete(deleted);
      Await.until("auth saw the suspension and the deletion", () ->
          client.get("/users/" + suspended).path("status").asText().equals("SUSPENDED")
              && client.get("/users/" + deleted).path("deleted").asBoolean());

      AuthClient.Answer ok = login(client, "active@example.com", "s3cret-pw");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.body().path("userId").asText()).isEqualTo(active);

      AuthClient.Answer wrongPassword = login(client, "active@example.com", "guess");
      AuthClient.Answer suspendedUser = login(client, "suspended@example.com", "s3cret-pw");
      AuthClient.Answer deletedUser = login(client, "deleted@example.com", "s3cret-pw");
      AuthClient.Answer unknownUser = login(client, "nobody@example.com", "s3cret-pw");
      for (AuthClient.Answer refused : new AuthClient.Answer[] {wrongPassword, suspendedUser, deletedUser,
          unknownUser}) {
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(wrongPassword.body());
      }
      assertThat(client.send("PUT", "/credentials/" + deleted, "{\"password\":\"new-password\"}").status())
          .as("a deleted user gets no new password").isEqualTo(404);
      assertThat(client.send("POST", "/login", "{\"email\":\"active@example.com\"}").body().path("field")
          .asText()).isEqualTo("password");
    }
  }

  @Test
  void afterBeingStoppedAuthCatchesUpFromThePositionInItsOwnDatabase() throws Exception {
    String stays = users.create("stays@example.com");
    String changes = users.create("changes@example.com");
    String goes = users.create("goes@example.com");
    Map<String, String> env = feedEnv(Map.of());
    try (AuthService auth = AuthService.start(env)) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("auth knows the users", () -> known(client, stays) && known(client, changes)
          && known(client, goes));
    }
    long appliedBefore = applied(env);

    users.update(changes, "{\"email\":\"changed@example.com\",\"status\":\"SUSPENDED\"}");
    users.delete(goes);
    String arrives = users.create("arrives@example.com");

    try (AuthService auth = AuthService.start(env)) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("auth caught up", () -> known(client, arrives));
      Await.until("the deletion is applied", () -> client.get("/users/" + goes).path("deleted").asBoolean());
      JsonNode changed = client.get("/users/" + changes);
      assertThat(changed.path("email").asText()).isEqualTo("changed@example.com");
      assertThat(changed.path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(client.stat("applied") - appliedBefore).as("only the three new events were applied")
          .isEqualTo(3);
      assertThat(client.stat("duplicates")).isZero();
    }
  }

  @Test
  void readyWhileItsFeedAnswersAndNotReadyWhileReadingItFails() throws Exception {
    String known = users.create("ready@example.com");
    try (AuthService auth = AuthService.start(feedEnv(Map.of()))) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("auth reads the feed", () -> known(client, known));
      assertThat(client.anonymous().send("GET", "/health/ready", null).status()).isEqualTo(200);
    }
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (AuthService auth = AuthService.start(feedEnv(Map.of("USER_SERVICE_URL", "http://127.0.0.1:" + closedPort)))) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("the feed's failure makes auth not ready", () -> {
        AuthClient.Answer ready = client.anonymous().send("GET", "/health/ready", null);
        return ready.status() == 503 && ready.body().path("checks").path("events").path("reason").asText()
            .equals("reading user-service's feed failed; retrying (the service's log says why)");
      });
    }
  }

  @Test
  void bootstrapLoadsTheSnapshotThenFollowsTheFeedFromItsPosition() throws Exception {
    String early = users.create("early@example.com");
    users.update(early, "{\"status\":\"SUSPENDED\"}");
    try (AuthService auth = AuthService.start(feedEnv(Map.of("BOOTSTRAP", "snapshot")))) {
      AuthClient client = new AuthClient(auth.url());
      assertThat(client.get("/users/" + early).path("status").asText()).as("loaded before the service is up")
          .isEqualTo("SUSPENDED");
      assertThat(client.stat("applied")).as("no event before the snapshot's position was applied").isZero();

      String later = users.create("later@example.com");
      Await.until("the feed after the snapshot applies", () -> known(client, later));
      assertThat(client.stat("duplicates") + client.stat("stale")).isZero();
    }
  }

  private static long applied(Map<String, String> env) throws Exception {
    try (java.sql.Connection connection = infrastructure.database().dataSource().getConnection()) {
      return dev.handshake.example.auth.store.Counters.read(connection).get("applied");
    }
  }

  private static boolean known(AuthClient client, String id) throws Exception {
    return client.send("GET", "/users/" + id, null).status() == 200;
  }

  private static AuthClient.Answer login(AuthClient client, String email, String password) throws Exception {
    return client.send("POST", "/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }
}
