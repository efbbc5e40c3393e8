package dev.handshake.example.auth;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * auth-service's credential store, kept in memory until the service gets its own database. Applying a
 * change is idempotent by event id and never lets older state overwrite newer state (events for one user
 * can be redelivered or replayed out of order).
 */
public final class Credentials {
  private final Map<String, Credential> byUserId = new ConcurrentHashMap<>();
  private final Set<String> appliedEvents = new HashSet<>();

  /** Applies {@code change} from event {@code eventId}; returns false when it was a duplicate or stale. */
  public synchronized boolean apply(String eventId, Credential change) {
    if (!appliedEvents.add(eventId)) {
      return false;
    }
    Credential current = byUserId.get(change.userId());
    if (current != null && current.version() >= change.version()) {
      return false;
    }
    byUserId.put(change.userId(), change);
    return true;
  }

  public Optional<Credential> find(String userId) {
    return Optional.ofNullable(byUserId.get(userId));
  }

  /** Whether someone presenting {@code email} may log in: only an active, not deleted user with that email. */
  public boolean canLogIn(String email) {
    return byUserId.values().stream().anyMatch(c -> c.email().equalsIgnoreCase(email) && c.canLogIn());
  }
}
