package dev.handshake.example.auth;

import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserStatus;
import dev.handshake.example.user.UserUpdated;
import java.util.Objects;

/**
 * Applies user-service's events (decoded with auth-service's own reader schemas) to the credential store.
 * This is the handler the Kafka listener calls, and the one the consumer pact tests run on each example.
 */
public final class UserEventHandler {
  private final Credentials credentials;

  public UserEventHandler(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials);
  }

  public boolean on(UserCreated event) {
    return credentials.apply(event.getEventId().toString(), new Credential(event.getUserId(), event.getEmail(),
        event.getStatus() == UserStatus.ACTIVE, false, event.getVersion()));
  }

  public boolean on(UserUpdated event) {
    return credentials.apply(event.getEventId().toString(), new Credential(event.getUserId(), event.getEmail(),
        event.getStatus() == UserStatus.ACTIVE, false, event.getVersion()));
  }

  /** The user is gone: keep a tombstone with the deletion's version so no older event revives them. */
  public boolean on(UserDeleted event) {
    return credentials.apply(event.getEventId().toString(), new Credential(event.getUserId(), event.getEmail(),
        false, true, event.getVersion()));
  }
}
