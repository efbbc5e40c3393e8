package dev.handshake.example.auth.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One change to a user as auth understands it, whichever way it arrived (a Kafka record, the pull feed, a snapshot
 * row). {@code status} is null for a deletion; {@code sourcePosition} is user-service's outbox position when known.
 */
public record UserChange(UUID eventId, Kind kind, String userId, String email, String status, long version,
    Long sourcePosition) {

  public enum Kind { CREATED, UPDATED, DELETED }

  /** Every status auth knows; only ACTIVE logs in (LOCKED comes with user-service's events v2). */
  public static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED", "LOCKED");

  public UserChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
  }

  public boolean deletes() {
    return kind == Kind.DELETED;
  }

  /**
   * Auth's invariants: what an event must say before auth lets it decide who may log in. A breach is a poison
   * record (dead-lettered), never a half-applied change.
   */
  public void checkInvariants() {
    require(userId != null && !userId.isBlank(), "userId is empty");
    require(email != null && email.contains("@"), "email '" + email + "' is not an email address");
    require(version > 0, "version " + version + " is not positive");
    require(deletes() || STATUSES.contains(status), "status '" + status + "' is none of " + STATUSES);
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new UnappliableEventException(kind + " event " + eventId + " for user " + userId + " breaks auth's "
          + "invariants: " + problem);
    }
  }
}
