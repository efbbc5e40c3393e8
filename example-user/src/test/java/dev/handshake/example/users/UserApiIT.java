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
    assertError(RUNNING.api().post("/users", "{\"email\":\"x@example.com\"}"), 400, "name");
    assertError(RUNNING.api().post("/users", "{\"email\":\"not-an-email\",\"name\":\"X\"}"), 400, "email");
    assertError(RUNNING.api().post("/users", "{\"email\":42,\"name\":\"X\"}"), 400, "email");
    assertError(RUNNING.api().post("/users", "{\"email\":\"x@example.com\",\"name\":\"X\",\"version\":7}"), 400, "version");
    assertError(RUNNING.api().put("/users/" + id, "{\"status\":\"LOCKED\"}"), 400, "status");
    assertError(RUNNING.api().put("/users/" + id, "{}"), 400, "body");
    assertError(RUNNING.api().get("/events?after=-1"), 400, "after");
    assertError(RUNNING.api().get("/events?limit=0"), 400, "limit");
    assertError(RUNNING.api().get("/events?timeout=soon"), 400, "timeout");
    assertError(RUNNING.api().post("/admin/outbox/replay", "{\"fromPosition\":\"one\"}"), 400, "fromPosition");
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
