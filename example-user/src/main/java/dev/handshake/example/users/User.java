package dev.handshake.example.users;

import java.util.Objects;

/**
 * A user as user-service stores it. {@code version} is the row version: it grows with every change, and
 * consumers use it to never let older state overwrite newer state.
 */
public record User(String id, String email, String displayName, String status, long version) {
  /** The status of a new user; {@code status} is a symbol of the UserStatus enum of the event schemas. */
  public static final String ACTIVE = "ACTIVE";

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(status, "status");
    if (version < 1) {
      throw new IllegalArgumentException("A user's version starts at 1, got " + version);
    }
  }
}
