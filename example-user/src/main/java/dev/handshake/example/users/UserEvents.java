package dev.handshake.example.users;

import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserStatus;
import dev.handshake.example.user.UserUpdated;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds the events user-service publishes when a user changes, with the classes generated from the
 * producer-owned schemas in {@code schemas/user-events}. What these methods return is exactly what goes on
 * the wire, so the contract gate calls them through the test factories.
 */
public final class UserEvents {
  private final Supplier<UUID> eventIds;
  private final Clock clock;

  public UserEvents(Supplier<UUID> eventIds, Clock clock) {
    this.eventIds = Objects.requireNonNull(eventIds);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Random event ids and the system clock: what the service runs with. */
  public static UserEvents live() {
    return new UserEvents(UUID::randomUUID, Clock.systemUTC());
  }

  public UserCreated created(User user) {
    return UserCreated.newBuilder()
        .setEventId(eventIds.get())
        .setUserId(user.id())
        .setEmail(user.email())
        .setDisplayName(user.displayName())
        .setStatus(status(user.status()))
        .setVersion(user.version())
        .setOccurredAt(now())
        .build();
  }

  public UserUpdated updated(User user) {
    return UserUpdated.newBuilder()
        .setEventId(eventIds.get())
        .setUserId(user.id())
        .setEmail(user.email())
        .setDisplayName(user.displayName())
        .setStatus(status(user.status()))
        .setVersion(user.version())
        .setOccurredAt(now())
        .build();
  }

  /** {@code user} as it was when deleted; the deletion itself is one more version. */
  public UserDeleted deleted(User user) {
    return UserDeleted.newBuilder()
        .setEventId(eventIds.get())
        .setUserId(user.id())
        .setEmail(user.email())
        .setVersion(user.version() + 1)
        .setOccurredAt(now())
        .build();
  }

  private static UserStatus status(User.Status status) {
    return switch (status) {
      case ACTIVE -> UserStatus.ACTIVE;
      case SUSPENDED -> UserStatus.SUSPENDED;
    };
  }

  /** timestamp-millis holds milliseconds: truncate here so the event equals what a consumer decodes. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
