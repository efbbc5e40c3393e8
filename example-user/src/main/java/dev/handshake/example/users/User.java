package dev.handshake.example.users;

import java.util.Objects;

/**
 * A user as user-service stores it. {@code version} is the row version: it grows with every change, and
 * consumers use it to never let older state overwrite newer state. The name is in two parts, as v2's events carry
 * it; {@link #displayName} is the one v1's events carry.
 */
public record User(String id, String email, String givenName, String familyName, String status, long version) {
  /** The status of a new user; {@code status} is a symbol of the UserStatus enum of the event schemas. */
  public static final String ACTIVE = "ACTIVE";

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(status, "status");
    if (version < 1) {
      throw new IllegalArgumentException("A user's version starts at 1, got " + version);
    }
  }

  /** Given and family name joined as v1's events carry them ({@link EventVersions#displayName}). */
  public String displayName() {
    return EventVersions.displayName(givenName, familyName);
  }

  /** A whole name in two: up to the first space, and the rest ("Ada" alone has an empty family name). */
  public record Name(String given, String family) {
    public Name {
      Objects.requireNonNull(given, "given");
      Objects.requireNonNull(family, "family");
    }

    public static Name split(String whole) {
      int space = whole.indexOf(' ');
      return space < 0 ? new Name(whole, "") : new Name(whole.substring(0, space), whole.substring(space + 1));
    }
  }
}
