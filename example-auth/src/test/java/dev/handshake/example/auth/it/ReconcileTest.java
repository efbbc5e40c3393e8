package dev.handshake.example.auth.it;

import dev.handshake.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.auth.AuthService;
import dev.handshake.example.auth.sync.Reconciler;
import dev.handshake.example.auth.sync.UserServiceClient;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reconciliation against the real user-service's snapshot: repairs missing users, stale fields and users deleted
 * upstream, reports without changing anything on a dry run, and never lets an older snapshot row overwrite what
 * auth got later.
 */
@ExtendWith(Infrastructure.Resolver.class)
class ReconcileTest {
  private static Infrastructure infrastructure;
  private static UserServiceProcess userService;
  private static UserServiceUsers users;

  @BeforeAll
  static void startUserService(Infrastructure shared) throws Exception {
    infrastructure = shared;
    userService = UserServiceProcess.onOwnDatabase(shared, "users_reconcile", Map.of());
    users = new UserServiceUsers(userService);
  }

  @AfterAll
  static void stopUserService() {
    if (userService != null) {
      userService.close();
    }
  }

  /** auth with no event source: only reconciliation changes it, so each repair is the reconciler's. */
  private static AuthService startAuth() throws Exception {
    return startAuth(Map.of());
  }

  private static AuthService startAuth(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(infrastructure.authEnv("unused", Map.of(
        "USER_SERVICE_URL", userService.url().toString())));
    env.putAll(extra);
    env.remove("KAFKA_BOOTSTRAP_SERVERS");
    return AuthService.start(env);
  }

  @Test
  void repairsMissingStaleAndDeletedUsersAndADryRunChangesNothing() throws Exception {
    String stale = users.create("stale@example.com");
    String gone = users.create("gone@example.com");
    try (AuthService auth = startAuth()) {
      AuthClient client = new AuthClient(auth.url());
      JsonNode first = reconcile(client, "");
      assertThat(first.path("repaired").asLong()).isEqualTo(first.path("checked").asLong()).isPositive();
      assertThat(client.get("/users/" + gone).path("deleted").asBoolean()).isFalse();

      users.update(stale, "{\"email\":\"fresh@example.com\",\"status\":\"SUSPENDED\"}");
      users.delete(gone);

      for (String notABoolean : new String[] {"maybe", "1", "yes"}) {
        AuthClient.Answer refused = client.send("POST", "/admin/reconcile?dryRun=" + notABoolean, null);
        assertThat(refused.status()).as(notABoolean).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("dryRun");
      }
      assertThat(client.get("/users/" + stale).path("email").asText()).as("no reconciliation ran")
          .isEqualTo("stale@example.com");

      JsonNode dryRun = reconcile(client, "?dryRun=true");
      assertThat(dryRun.path("repaired").asLong()).isEqualTo(2);
      assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
      assertThat(client.get("/users/" + stale).path("email").asText()).as("dry run").isEqualTo("stale@example.com");
      assertThat(client.get("/users/" + gone).path("deleted").asBoolean()).as("dry run").isFalse();

      JsonNode repair = reconcile(client, "");
      assertThat(repair.path("repaired").asLong()).isEqualTo(2);
      JsonNode repaired = client.get("/users/" + stale);
      assertThat(repaired.path("email").asText()).isEqualTo("fresh@example.com");
      assertThat(repaired.path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(repaired.path("version").asLong()).isEqualTo(2);
      assertThat(client.get("/users/" + gone).path("deleted").asBoolean()).isTrue();

      assertThat(reconcile(client, "").path("repaired").asLong()).as("nothing left to repair").isZero();
    }
  }

  @Test
  void aStaleSnapshotNeverOverwritesNewerStateNorDeletesAUserCreatedAfterIt() throws Exception {
    String user = users.create("before@example.com");
    try (AuthService auth = startAuth()) {
      AuthClient client = new AuthClient(auth.url());
      byte[] oldSnapshot = users.snapshotBody();

      users.update(user, "{\"email\":\"after@example.com\"}");
      String newcomer = users.create("newcomer@example.com");
      reconcile(client, ""); // auth now holds the newer state (as if events had brought it)
      assertThat(client.get("/users/" + user).path("version").asLong()).isEqualTo(2);

      // A snapshot read before those changes arrives late (a slow download, a lagging replica).
      Reconciler late = new Reconciler(infrastructure.database().dataSource(),
          reader -> UserServiceClient.readSnapshot(new ByteArrayInputStream(oldSnapshot), reader));
      Reconciler.Result result = late.reconcile(false);

      assertThat(result.repaired()).isZero();
      assertThat(result.skippedNewer()).as("the updated user and the user created after the snapshot")
          .isEqualTo(2);
      assertThat(client.get("/users/" + user).path("email").asText()).isEqualTo("after@example.com");
      assertThat(client.get("/users/" + newcomer).path("deleted").asBoolean()).isFalse();
    }
  }

  @Test
  void aSnapshotRowAuthCannotInterpretIsReportedAndLeftAlone() throws Exception {
    byte[] body = ("{\"position\":7,\"users\":[{\"id\":\"x1\",\"email\":\"x1@example.com\","
        + "\"status\":\"BANNED\",\"version\":1},{\"id\":\"x2\",\"email\":\"x2@example.com\","
        + "\"status\":\"ACTIVE\",\"version\":1}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Reconciler reconciler = new Reconciler(infrastructure.database().dataSource(),
        reader -> UserServiceClient.readSnapshot(new ByteArrayInputStream(body), reader));

    Reconciler.Result result = reconciler.reconcile(false);

    assertThat(result.invalid()).isEqualTo(1);
    assertThat(result.repaired()).isEqualTo(1);
    try (java.sql.Connection connection = infrastructure.database().dataSource().getConnection()) {
      assertThat(dev.handshake.example.auth.store.UserStore.find(connection, "x1")).isEmpty();
      assertThat(dev.handshake.example.auth.store.UserStore.find(connection, "x2")).isPresent();
    }
  }

  @Test
  void reconciliationAlsoRunsOnItsSchedule() throws Exception {
    String user = users.create("scheduled@example.com");
    try (AuthService auth = startAuth(Map.of("RECONCILE_INTERVAL_MS", "200"))) {
      AuthClient client = new AuthClient(auth.url());
      Await.until("the scheduled run brought the user in",
          () -> client.send("GET", "/users/" + user, null).status() == 200);
      users.update(user, "{\"status\":\"SUSPENDED\"}");
      Await.until("a later run repaired the status",
          () -> client.get("/users/" + user).path("status").asText().equals("SUSPENDED"));
    }
  }

  private static JsonNode reconcile(AuthClient client, String query) throws Exception {
    AuthClient.Answer answer = client.send("POST", "/admin/reconcile" + query, null);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    return answer.body();
  }
}
