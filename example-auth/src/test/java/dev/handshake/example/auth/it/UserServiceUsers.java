package dev.handshake.example.auth.it;

import com.fasterxml.jackson.databind.JsonNode;

/** Changes users through user-service's real API, as its clients do. */
public final class UserServiceUsers {
  private final AuthClient http;

  public UserServiceUsers(UserServiceProcess userService) {
    this.http = new AuthClient(userService.url());
  }

  /** Creates a user; returns its id. */
  public String create(String email) throws Exception {
    return expect(201, http.send("POST", "/users", "{\"email\":\"" + email + "\",\"name\":\"N\"}")).path("id")
        .asText();
  }

  public void update(String id, String json) throws Exception {
    expect(200, http.send("PUT", "/users/" + id, json));
  }

  public void delete(String id) throws Exception {
    expect(204, http.send("DELETE", "/users/" + id, null));
  }

  /** {@code GET /users/snapshot}'s body, as bytes read now. */
  public byte[] snapshotBody() throws Exception {
    return http.get("/users/snapshot").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public JsonNode client(String path) throws Exception {
    return http.get(path);
  }

  private static JsonNode expect(int status, AuthClient.Answer answer) {
    if (answer.status() != status) {
      throw new AssertionError("user-service answered " + answer.status() + " (expected " + status + "): "
          + answer.body());
    }
    return answer.body();
  }
}
