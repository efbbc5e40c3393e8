package dev.handshake.example.auth.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.auth.store.UnappliableEventException;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.example.auth.store.UserChange.Kind;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one event of user-service's pull feed ({@code {"position","eventId","type","userId","version","data"}},
 * {@code data} being the event in its JSON view) into a {@link UserChange}.
 */
public final class FeedEvents {
  private static final Map<String, Kind> KINDS = Map.of(
      "UserCreated", Kind.CREATED, "UserUpdated", Kind.UPDATED, "UserDeleted", Kind.DELETED);

  private FeedEvents() {
  }

  public static UserChange toChange(JsonNode event) {
    String type = event.path("type").asText();
    Kind kind = KINDS.get(type);
    if (kind == null) {
      throw new UnappliableEventException("auth-service does not handle feed events of type '" + type
          + "'; it handles " + KINDS.keySet());
    }
    UUID eventId;
    try {
      eventId = UUID.fromString(event.path("eventId").asText());
    } catch (IllegalArgumentException e) {
      throw new UnappliableEventException("Feed event at position " + event.path("position").asText()
          + " has eventId '" + event.path("eventId").asText() + "', not a UUID");
    }
    JsonNode data = event.path("data");
    String status = kind == Kind.DELETED ? null : data.path("status").asText(null);
    return new UserChange(eventId, kind, event.path("userId").asText(null), data.path("email").asText(null), status,
        event.path("version").asLong(), event.path("position").asLong());
  }
}
