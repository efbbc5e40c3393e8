package dev.handshake.example.auth;

/**
 * What auth-service knows about one user: enough to decide whether they may log in. A deleted user is kept
 * as a tombstone carrying the version of the deletion, so a late, older event cannot bring them back.
 */
public record Credential(String userId, String email, boolean active, boolean deleted, long version) {

  public boolean canLogIn() {
    return active && !deleted;
  }
}
