package dev.handshake.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** The two services' users side by side (id → email/status/version), to tell whether auth equals user-service. */
public final class UserTables {
  private UserTables() {
  }

  /** user-service's users from its snapshot. */
  public static Map<String, String> userService(ServiceClient users) throws Exception {
    Map<String, String> rows = new TreeMap<>();
    for (JsonNode user : users.get("/users/snapshot").path("users")) {
      rows.put(user.path("id").asText(), row(user));
    }
    return rows;
  }

  /** The live (not deleted) users auth-service holds. */
  public static Map<String, String> auth(ServiceClient auth) throws Exception {
    Map<String, String> rows = new TreeMap<>();
    String after = "";
    while (true) {
      JsonNode page = auth.get("/users?limit=1000" + (after.isEmpty() ? "" : "&after=" + after)).path("users");
      for (JsonNode user : page) {
        if (!user.path("deleted").asBoolean()) {
          rows.put(user.path("id").asText(), row(user));
        }
        after = user.path("id").asText();
      }
      if (page.size() < 1000) {
        return rows;
      }
    }
  }

  /** Up to five differences, for a failure message. */
  public static String differences(Map<String, String> expected, Map<String, String> actual) {
    Map<String, String> differing = new TreeMap<>();
    expected.forEach((id, row) -> {
      if (!row.equals(actual.get(id))) {
        differing.put(id, "user-service " + row + " / auth " + actual.get(id));
      }
    });
    actual.keySet().stream().filter(id -> !expected.containsKey(id))
        .forEach(id -> differing.put(id, "only in auth: " + actual.get(id)));
    return differing.size() + " users differ, e.g. " + differing.entrySet().stream().limit(5).toList();
  }

  private static String row(JsonNode user) {
    return user.path("email").asText() + "/" + user.path("status").asText() + "/v" + user.path("version").asLong();
  }
}
