package dev.handshake.example.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.auth.AuthService;
import dev.handshake.example.support.Transactions;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.example.auth.store.UserStore;
import dev.handshake.example.support.InvalidSettingException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * auth-service's doors, tried as an outsider on the same machine would: the admin endpoints and the user reads
 * need the admin token, nobody sets someone else's password, repeated failed logins are throttled the same for
 * known and unknown emails, and hostile text or settings get a clear refusal, never a database error.
 */
@ExtendWith(Infrastructure.Resolver.class)
class AccessTest {
  private static final String REFUSED = "{\"error\":\"invalid email or password\"}";

  @Test
  void theAdminEndpointsAndTheUserReadsNeedTheAdminToken(Infrastructure infrastructure) throws Exception {
    user(infrastructure, "u1", "one@example.com");
    try (AuthService auth = start(infrastructure, Map.of())) {
      AuthClient admin = new AuthClient(auth.url());
      AuthClient anonymous = admin.anonymous();
      AuthClient wrong = new AuthClient(auth.url(), "Bearer " + Infrastructure.ADMIN_TOKEN + "-not");
      String[][] endpoints = {{"GET", "/admin/stats"}, {"GET", "/admin/dlq"}, {"POST", "/admin/dlq/replay"},
          {"POST", "/admin/reconcile"}, {"GET", "/users"}, {"GET", "/users/u1"}};
      for (String[] endpoint : endpoints) {
        AuthClient.Answer none = anonymous.send(endpoint[0], endpoint[1], null);
        assertThat(none.status()).as(endpoint[1]).isEqualTo(401);
        assertThat(none.body().path("field").asText()).isEqualTo("Authorization");
        assertThat(wrong.send(endpoint[0], endpoint[1], null).status()).as(endpoint[1]).isEqualTo(403);
        assertThat(admin.send(endpoint[0], endpoint[1], null).status()).as(endpoint[1]).isNotIn(401, 403);
      }
      assertThat(admin.get("/users/u1").path("email").asText()).isEqualTo("one@example.com");
    }
  }

  @Test
  void onlyTheAdminTokenOrTheCurrentPasswordSetsAPassword(Infrastructure infrastructure) throws Exception {
    user(infrastructure, "u1", "one@example.com");
    try (AuthService auth = start(infrastructure, Map.of())) {
      AuthClient admin = new AuthClient(auth.url());
      AuthClient anonymous = admin.anonymous();
      AuthClient wrong = new AuthClient(auth.url(), "Bearer not-the-admin-token-at-all");

      for (AuthClient attacker : new AuthClient[] {anonymous, wrong}) {
        AuthClient.Answer takeover = attacker.send("PUT", "/credentials/u1", "{\"password\":\"attacker-pw\"}");
        assertThat(takeover.status()).isEqualTo(401);
        assertThat(takeover.body()).hasToString(REFUSED);
      }
      assertThat(login(anonymous, "one@example.com", "attacker-pw").status()).isEqualTo(401);

      assertThat(admin.send("PUT", "/credentials/u1", "{\"password\":\"provisioned-pw\"}").status()).isEqualTo(204);
      assertThat(login(anonymous, "one@example.com", "provisioned-pw").status()).isEqualTo(200);

      AuthClient.Answer wrongCurrent = anonymous.send("PUT", "/credentials/u1",
          "{\"currentPassword\":\"guessed-pw\",\"password\":\"attacker-pw\"}");
      assertThat(wrongCurrent.status()).isEqualTo(401);
      assertThat(wrongCurrent.body()).hasToString(REFUSED);
      AuthClient.Answer unknownUser = anonymous.send("PUT", "/credentials/nobody",
          "{\"currentPassword\":\"provisioned-pw\",\"password\":\"attacker-pw\"}");
      assertThat(unknownUser.status()).isEqualTo(401);
      assertThat(unknownUser.body()).hasToString(REFUSED);

      assertThat(anonymous.send("PUT", "/credentials/u1",
          "{\"currentPassword\":\"provisioned-pw\",\"password\":\"changed-by-owner\"}").status()).isEqualTo(204);
      assertThat(login(anonymous, "one@example.com", "changed-by-owner").status()).isEqualTo(200);
      assertThat(login(anonymous, "one@example.com", "provisioned-pw").status()).isEqualTo(401);

      AuthClient.Answer tooShort = admin.send("PUT", "/credentials/u1", "{\"password\":\"1234567\"}");
      assertThat(tooShort.status()).isEqualTo(400);
      assertThat(tooShort.body().path("field").asText()).isEqualTo("password");
      AuthClient.Answer tooLong = admin.send("PUT", "/credentials/u1", "{\"password\":\"" + "p".repeat(1025) + "\"}");
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body().path("field").asText()).isEqualTo("password");
      assertThat(admin.send("PUT", "/credentials/nobody", "{\"password\":\"provisioned-pw\"}").status())
          .isEqualTo(404);
    }
  }

  @Test
  void repeatedFailuresAreThrottledAlikeForKnownAndUnknownEmailsAndASuccessResets(Infrastructure infrastructure)
      throws Exception {
    user(infrastructure, "u1", "one@example.com");
    user(infrastructure, "u2", "two@example.com");
    try (AuthService auth = start(infrastructure, Map.of("LOGIN_MAX_FAILURES", "3", "LOGIN_LOCK_MS", "600000"))) {
      AuthClient client = new AuthClient(auth.url());
      client.send("PUT", "/credentials/u1", "{\"password\":\"right-password\"}");
      client.send("PUT", "/credentials/u2", "{\"password\":\"right-password\"}");

      for (String email : new String[] {"one@example.com", "nobody@example.com"}) {
        for (int i = 0; i < 3; i++) {
          assertThat(login(client, email, "wrong-" + i).status()).as(email + " failure " + i).isEqualTo(401);
        }
        AuthClient.Answer throttled = client.send("POST", "/login",
            "{\"email\":\"" + email + "\",\"password\":\"right-password\"}");
        assertThat(throttled.status()).as(email).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
            seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
      }
      assertThat(login(client, "ONE@example.com", "right-password").status()).as("the same email in capitals")
          .isEqualTo(429);

      for (int i = 0; i < 2; i++) {
        assertThat(login(client, "two@example.com", "wrong").status()).isEqualTo(401);
      }
      assertThat(login(client, "two@example.com", "right-password").status()).isEqualTo(200);
      for (int i = 0; i < 2; i++) {
        assertThat(login(client, "two@example.com", "wrong").status()).as("counted from zero again").isEqualTo(401);
      }
      assertThat(login(client, "two@example.com", "right-password").status()).isEqualTo(200);
      assertThat(client.get("/admin/stats").has("applied")).as("the rest of the API answers").isTrue();
    }
  }

  @Test
  void aLoginEmailTheDatabaseCannotHoldIsAnOrdinaryRefusal(Infrastructure infrastructure) throws Exception {
    try (AuthService auth = start(infrastructure, Map.of())) {
      AuthClient client = new AuthClient(auth.url()).anonymous();
      for (String email : new String[] {"a\\u0000b@example.com", "a\\ud800@example.com",
          "x".repeat(100_000) + "@example.com"}) {
        AuthClient.Answer refused = client.send("POST", "/login", "{\"email\":\"" + email
            + "\",\"password\":\"some-password\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).hasToString(REFUSED);
      }
      AuthClient admin = new AuthClient(auth.url());
      // A NUL in a path never gets this far (Jetty refuses it first); an id longer than any auth holds is a 400.
      AuthClient.Answer longId = admin.send("GET", "/users/" + "x".repeat(65), null);
      assertThat(longId.status()).isEqualTo(400);
      assertThat(longId.body().path("field").asText()).isEqualTo("id");
      AuthClient.Answer nulAfter = admin.send("GET", "/users?after=a%00b", null);
      assertThat(nulAfter.status()).isEqualTo(400);
      assertThat(nulAfter.body().path("field").asText()).isEqualTo("after");
      AuthClient.Answer nulPassword = client.send("PUT", "/credentials/" + "x".repeat(65),
          "{\"currentPassword\":\"some\\u0000password\",\"password\":\"other-password\"}");
      assertThat(nulPassword.status()).isEqualTo(401);
      assertThat(nulPassword.body()).hasToString(REFUSED);
    }
  }

  @Test
  void aWrongMethodIs405WithAllow(Infrastructure infrastructure) throws Exception {
    try (AuthService auth = start(infrastructure, Map.of())) {
      AuthClient.Answer get = new AuthClient(auth.url()).send("GET", "/login", null);
      assertThat(get.status()).isEqualTo(405);
      assertThat(get.headers().firstValue("Allow")).contains("POST");
    }
  }

  @Test
  void aSettingThatStopsTheStartNamesItsVariable(Infrastructure infrastructure) {
    String[][] cases = {
        {"KAFKA_BOOTSTRAP_SERVERS", "garbage"},
        {"HTTP_HOST", "999.1.1.1"},
        {"USER_SERVICE_URL", "garbage"},
        {"SCHEMA_REGISTRY_URL", "registry:8081"},
        {"LOGIN_MAX_FAILURES", "0"},
        {"ADMIN_TOKEN", "short"},
        {"USER_EVENTS_TOPIC", "user-events.v3"}};
    for (String[] setting : cases) {
      Map<String, String> env = infrastructure.authEnv("unused", Map.of(setting[0], setting[1]));
      assertThatThrownBy(() -> AuthService.start(env).close()).as(setting[0])
          .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo(setting[0]))
          .hasMessageContaining(setting[0]);
    }
    Map<String, String> noUser = new HashMap<>(infrastructure.authEnv("unused", Map.of()));
    noUser.remove("DB_USER");
    assertThatThrownBy(() -> AuthService.start(noUser).close())
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("DB_USER"));
  }

  private static AuthService start(Infrastructure infrastructure, Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(infrastructure.authEnv("unused", extra));
    env.remove("KAFKA_BOOTSTRAP_SERVERS");
    return AuthService.start(env);
  }

  private static AuthClient.Answer login(AuthClient client, String email, String password) throws Exception {
    return client.send("POST", "/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  private static void user(Infrastructure infrastructure, String id, String email) throws Exception {
    Transactions.inTransaction(infrastructure.database().dataSource(), connection -> UserStore.apply(connection,
        new UserChange(UUID.randomUUID(), UserChange.Kind.CREATED, id, email, "ACTIVE", 1, null)));
  }
}
