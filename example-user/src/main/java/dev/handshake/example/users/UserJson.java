package dev.handshake.example.users;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.example.support.JsonHttpServer;
import java.io.IOException;

/**
 * A user on the API: {@code {"id","email","name","givenName","familyName","status","version"}}; status is a
 * UserStatus symbol, {@code name} the whole name ({@link User#displayName}) that clients from before the split
 * read.
 */
final class UserJson {
  private UserJson() {}

  static ObjectNode of(User user) {
    return JsonHttpServer.MAPPER.createObjectNode()
        .put("id", user.id())
        .put("email", user.email())
        .put("name", user.displayName())
        .put("givenName", user.givenName())
        .put("familyName", user.familyName())
        .put("status", user.status())
        .put("version", user.version());
  }

  static void write(JsonGenerator json, User user) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", user.id());
    json.writeStringField("email", user.email());
    json.writeStringField("name", user.displayName());
    json.writeStringField("givenName", user.givenName());
    json.writeStringField("familyName", user.familyName());
    json.writeStringField("status", user.status());
    json.writeNumberField("version", user.version());
    json.writeEndObject();
  }
}
