package dev.handshake.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/** user-service's API as the story uses it. */
public record UserServiceApi(ServiceClient api) {

  public String create(String email, String name) throws Exception {
    return api.expect(201, "POST", "/users", ServiceClient.JSON.createObjectNode().put("email", email)
        .put("name", name).toString()).path("id").asText();
  }

  public void update(String id, String json) throws Exception {
    api.expect(200, "PUT", "/users/" + id, json);
  }

  public void delete(String id) throws Exception {
    api.expect(204, "DELETE", "/users/" + id, null);
  }

  public String idOf(String email) throws Exception {
    for (JsonNode user : api.get("/users/snapshot").path("users")) {
      if (user.path("email").asText().equals(email)) {
        return user.path("id").asText();
      }
    }
    throw new AssertionError("user-service has no user " + email);
  }
}
