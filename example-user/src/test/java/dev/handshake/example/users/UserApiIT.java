package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.users.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API on a real (embedded) PostgreSQL: the happy paths, and every bad request naming its field. */
class UserApiIT {
  @RegisterExtension
  static final RunningService RUNNING = new RunningService();

  @Test
  void aUserIsCreatedReadUpdatedAndDeletedWithItsVersionGrowing() {
    JsonNode created = RUNNING.api().createUser("lin@example.com", "Lin");
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(created.get("version").asLong()).isEqualTo(1);
    assertThat(RUNNING.api().get("/users/" + id).body()).isEqualTo(created);

    Response suspended = RUNNING.api().put("/users/" + id, "{\"status\":\"SUSPENDED\",\"name\":\"Lin Y\"}");
    assertThat(suspended.status()).isEqualTo(200);
    assertThat(suspended.body().get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.body().get("name").asText()).isEqualTo("Lin Y");
    assertThat(suspended.body().get("email").asText()).isEqualTo("lin@example.com");
    assertThat(suspended.body().get("version").asLong()).isEqualTo(2);

    assertThat(RUNNING.api().delete("/users/" + id).status()).isEqualTo(204);
    assertThat(RUNNING.api().get("/users/" + id).status()).isEqualTo(404);
  }

  @Test
  void everyChangeWritesExactlyOneEventCarryingTheNewVersion() {
    long before = RUNNING.service().admin().status().pending();
    String id = RUNNING.api().createUser("mo@example.com", "Mo").get("id").asText();
    RUNNING.api().put("/users/" + id, "{\"email\":\"mo@example.org\"}");
    RUNNING.api().put("/users/" + id, "{\"email\":\"mo@example.org\"}"); // changes nothing: no version, no event
    RUNNING.api().delete("/users/" + id);

    List<String> eventsOfUser = new ArrayList<>();
    for (JsonNode event : RUNNING.api().get("/events?after=0&limit=1000").body().get("events")) {
      if (id.equals(event.get("userId").asText())) {
        eventsOfUser.add(event.get("type").asText() + "@" + event.get("version").asLong());
        assertThat(event.get("data").get("version")).isEqualTo(event.get("version"));
      }
    }
    assertThat(eventsOfUser).containsExactly("UserCreated@1", "UserUpdated@2", "UserDeleted@3");
    assertThat(RUNNING.service().admin().status().pending()).isEqualTo(before + 3);
  }

  @Test
  void aDuplicateEmailIs409AndLeavesNoOutboxRow() {
    RUNNING.api().createUser("dup@example.com", "First");
    String other = RUNNING.api().createUser("other@example.com", "Other").get("id").asText();
    long pending = RUNNING.service().admin().status().pending();

    Response create = RUNNING.api().post("/users", "{\"email\":\"DUP@example.com\",\"name\":\"Second\"}");
    Response update = RUNNING.api().put("/users/" + other, "{\"email\":\"dup@example.com\"}");

    assertThat(create.status()).isEqualTo(409);
    assertThat(create.field()).isEqualTo("email");
    assertThat(update.status()).isEqualTo(409);
    assertThat(update.field()).isEqualTo("email");
    // The outbox row of each failed change was written before the users row failed: both rolled back.
    assertThat(RUNNING.service().admin().status().pending()).isEqualTo(pending);
    assertThat(RUNNING.api().get("/users/" + other).body().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void badRequestsAre400NamingTheField() {
    String id = RUNNING.api().createUser("field@example.com", "Field").get("id").asText();
    assertError(RUNNING.api().post("/users", "{\"email\":"), 400, "body");
    assertError(RUNNING.api().post("/users", "[]"), 400, "body");
    assertError(RUNNING.api().post("/users", ""), 400, "body");
    assertError(RUNNING.api().post("/users", "{\"name\":\"No Email\"}"), 400, "email");
    assertError(RUNNING.api().post("/users", "{\"email\":\"x@example.com\"}"), 400, "givenName");
    assertError(RUNNING.api().post("/users", "{\"email\":\"x@example.com\",\"familyName\":\"Only\"}"), 400,
        "givenName");
    assertError(RUNNING.api().post("/users", "{\"email\":\"x@example.com\",\"name\":\"A B\",\"givenName\":\"A\"}"),
        400, "name");
    assertError(RUNNING.api().put("/users/" + id, "{\"name\":\"A B\",\"familyName\":\"B\"}"), 400, "name");
    assertError(RUNNING.api().put("/users/" + id, "{\"givenName\":\"\"}"), 400, "givenName");
    assertError(RUNNING.api().put("/users/" + id, "{\"familyName\":7}"), 400, "familyName");
    assertError(RUNNING.api().post("/users", "{\"email\":\"not-an-email\",\"name\":\"X\"}"), 400, "email");
    assertError(RUNNING.api().post("/users", "{\"email\":42,\"name\":\"X\"}"), 400, "email");
    assertError(RUNNING.api().post("/users", "{\"email\":\"x@example.com\",\"name\":\"X\",\"version\":7}"), 400, "version");
    assertError(RUNNING.api().put("/users/" + id, "{\"status\":\"BANNED\"}"), 400, "status");
    assertError(RUNNING.api().put("/users/" + id, "{}"), 400, "body");
    assertError(RUNNING.api().get("/events?after=-1"), 400, "after");
    assertError(RUNNING.api().get("/events?limit=0"), 400, "limit");
    assertError(RUNNING.api().get("/events?timeout=soon"), 400, "timeout");
    assertError(RUNNING.api().post("/admin/outbox/replay", "{\"fromPosition\":\"one\"}"), 400, "fromPosition");
  }

  @Test
  void everyAdminEndpointNeedsTheAdminTokenWhileTheUserApiAndTheFeedStayOpen() {
    ApiClient anonymous = RUNNING.api().withAuthorization(null);
    ApiClient wrong = RUNNING.api().withAuthorization("Bearer not-the-admin-token-at-all");
    String[][] endpoints = {{"GET", "/admin/outbox"}, {"POST", "/admin/outbox/replay"},
        {"POST", "/admin/relay/pause"}, {"POST", "/admin/relay/resume"}};
    for (String[] endpoint : endpoints) {
      String body = endpoint[0].equals("POST") ? "{\"fromPosition\":1}" : null;
      Response none = anonymous.method(endpoint[0], endpoint[1], body);
      assertThat(none.status()).as(endpoint[1]).isEqualTo(401);
      assertThat(none.field()).isEqualTo("Authorization");
      assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(wrong.method(endpoint[0], endpoint[1], body).status()).as(endpoint[1]).isEqualTo(403);
    }
    assertThat(RUNNING.service().admin().status().paused()).as("the refused pause did nothing").isFalse();

    JsonNode created = anonymous.createUser("open@example.com", "Open");
    assertThat(anonymous.get("/users/" + created.get("id").asText()).status()).isEqualTo(200);
    assertThat(anonymous.put("/users/" + created.get("id").asText(), "{\"name\":\"Opened\"}").status())
        .isEqualTo(200);
    assertThat(anonymous.get("/events").status()).isEqualTo(200);
    assertThat(anonymous.get("/users/snapshot").status()).isEqualTo(200);
    assertThat(RUNNING.api().get("/admin/outbox").status()).isEqualTo(200);
  }

  @Test
  void textPostgresCannotStoreOrOverTheLimitsIs400NamingTheField() {
    String id = RUNNING.api().createUser("limits@example.com", "Limits").get("id").asText();
    assertError(RUNNING.api().post("/users", "{\"email\":\"nul@example.com\",\"name\":\"A\\u0000B\"}"), 400, "name");
    assertError(RUNNING.api().put("/users/" + id, "{\"name\":\"A\\u0000B\"}"), 400, "name");
    assertError(RUNNING.api().post("/users", "{\"email\":\"a\\ud800@example.com\",\"name\":\"X\"}"), 400, "email");
    assertError(RUNNING.api().put("/users/" + id, "{\"email\":\"b\\udc00@example.com\"}"), 400, "email");
    String longLocal = "x".repeat(UserRoutes.MAX_EMAIL_BYTES - "@example.com".length() + 1);
    assertError(RUNNING.api().post("/users", "{\"email\":\"" + longLocal + "@example.com\",\"name\":\"X\"}"), 400,
        "email");
    assertError(RUNNING.api().post("/users", "{\"email\":\"" + "x".repeat(100_000) + "@example.com\",\"name\":\"X\"}"),
        400, "email");
    assertError(RUNNING.api().post("/users", "{\"email\":\"n@example.com\",\"name\":\""
        + "x".repeat(UserRoutes.MAX_NAME_BYTES + 1) + "\"}"), 400, "name");
    assertThat(RUNNING.api().post("/users", "{\"email\":\"n@example.com\",\"name\":\""
        + "x".repeat(UserRoutes.MAX_NAME_BYTES) + "\"}").status()).as("at the limit").isEqualTo(201);
    // Jetty refuses a NUL in the path itself (400, then closes the connection: a client of its own) before the
    // service sees it: it never reaches the database.
    assertThat(new ApiClient(RUNNING.service().url()).get("/users/a%00b").status()).isEqualTo(400);
    assertError(RUNNING.api().get("/users/" + "x".repeat(UserRoutes.MAX_ID_BYTES + 1)), 400, "id");
    assertThat(RUNNING.api().get("/users/" + id).body().get("name").asText()).isEqualTo("Limits");
  }

  @Test
  void theNameIsGivenAndFamilyOrTheWholeNameSplitOnItsFirstSpace() {
    Response split = RUNNING.api().post("/users", "{\"email\":\"ada@example.com\",\"givenName\":\"Ada\","
        + "\"familyName\":\"King Lovelace\"}");
    assertThat(split.status()).as(split.toString()).isEqualTo(201);
    assertThat(split.body().get("name").asText()).isEqualTo("Ada King Lovelace");
    String id = split.body().get("id").asText();

    JsonNode whole = RUNNING.api().put("/users/" + id, "{\"name\":\"Augusta Ada King\"}").body();
    assertThat(whole.get("givenName").asText()).isEqualTo("Augusta");
    assertThat(whole.get("familyName").asText()).isEqualTo("Ada King");
    assertThat(whole.get("name").asText()).isEqualTo("Augusta Ada King");

    JsonNode family = RUNNING.api().put("/users/" + id, "{\"familyName\":\"\"}").body();
    assertThat(family.get("givenName").asText()).isEqualTo("Augusta");
    assertThat(family.get("familyName").asText()).isEmpty();
    assertThat(family.get("name").asText()).isEqualTo("Augusta");

    JsonNode single = RUNNING.api().createUser("cher@example.com", "Cher");
    assertThat(single.get("givenName").asText()).isEqualTo("Cher");
    assertThat(single.get("familyName").asText()).isEmpty();
  }

  @Test
  void lockedIsAStatusWhileV2IsPublished() {
    String id = RUNNING.api().createUser("locked@example.com", "Locked").get("id").asText();
    Response locked = RUNNING.api().put("/users/" + id, "{\"status\":\"LOCKED\"}");
    assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
    assertThat(locked.body().get("status").asText()).isEqualTo("LOCKED");
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    Response patch = RUNNING.api().method("PATCH", "/users/x", "{}");
    assertThat(patch.status()).isEqualTo(405);
    assertThat(patch.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
        .contains("GET", "PUT", "DELETE"));
    assertThat(RUNNING.api().method("DELETE", "/events", null).status()).isEqualTo(405);
  }

  @Test
  void aDatabaseErrorIs500WithAnIdAndNothingOfTheDatabasesMessage() throws Exception {
    try (java.sql.Connection connection = RUNNING.service().database().dataSource().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE users RENAME TO users_away");
      try {
        Response failed = RUNNING.api().get("/users/some-id");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.error()).matches("internal error [0-9a-f]{8}: the service's log has the details under "
            + "this id");
        assertThat(failed.body().toString()).doesNotContain("relation", "users", "ERROR", "SQL");
      } finally {
        statement.execute("ALTER TABLE users_away RENAME TO users");
      }
    }
  }

  @Test
  void anUnknownIdIs404NamingIt() {
    assertError(RUNNING.api().get("/users/no-such-user"), 404, "id");
    assertError(RUNNING.api().put("/users/no-such-user", "{\"name\":\"X\"}"), 404, "id");
    assertError(RUNNING.api().delete("/users/no-such-user"), 404, "id");
  }

  private static void assertError(Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.field()).as(response.toString()).isEqualTo(field);
    assertThat(response.error()).isNotBlank();
  }
}
