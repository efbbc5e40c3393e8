package dev.handshake.example.auth.store;

/** auth's copy of one user, as {@code GET /users/{id}} shows it; a deleted user is a tombstone with its version. */
public record UserCopy(String id, String email, String status, long version, boolean deleted, Long sourcePosition) {

  public boolean canLogIn() {
    return !deleted && "ACTIVE".equals(status);
  }
}
