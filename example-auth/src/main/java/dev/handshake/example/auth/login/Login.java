package dev.handshake.example.auth.login;

import dev.handshake.example.auth.login.PasswordHasher.StoredPassword;
import dev.handshake.example.auth.store.UserCopy;
import dev.handshake.example.auth.store.UserStore;
import dev.handshake.example.support.StorableText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Passwords and logins. A login succeeds only for a user auth knows, active, not deleted, with a password set and
 * given correctly; every other case answers the same "no" after the same amount of hashing.
 */
public final class Login {
  private final DataSource dataSource;
  private final PasswordHasher hasher;

  public Login(DataSource dataSource, PasswordHasher hasher) {
    this.dataSource = dataSource;
    this.hasher = hasher;
  }

  /** Stores a new password for a user auth knows and has not seen deleted; false when it does not. */
  public boolean setPassword(String userId, char[] password) throws SQLException {
    StoredPassword stored = hasher.hash(password);
    try (Connection connection = dataSource.getConnection()) {
      Optional<UserCopy> user = UserStore.find(connection, userId);
      if (user.isEmpty() || user.get().deleted()) {
        return false;
      }
      CredentialStore.save(connection, userId, stored);
      return true;
    }
  }

  /**
   * Sets a new password for a user who proves the current one (live, active, with a password set and given
   * right); false, after the same amount of hashing, whatever the reason it does not.
   */
  public boolean changePassword(String userId, char[] currentPassword, char[] newPassword) throws SQLException {
    if (!StorableText.storable(userId)) {
      hasher.burnEquivalentTime(currentPassword);
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      Optional<UserCopy> user = UserStore.find(connection, userId);
      Optional<StoredPassword> stored = user.isEmpty() ? Optional.empty() : CredentialStore.find(connection, userId);
      if (stored.isEmpty()) {
        hasher.burnEquivalentTime(currentPassword);
        return false;
      }
      if (!hasher.matches(currentPassword, stored.get()) || !user.get().canLogIn()) {
        return false;
      }
      CredentialStore.save(connection, userId, hasher.hash(newPassword));
      return true;
    }
  }

  /** The id of the user these credentials log in, or empty whatever the reason they do not. */
  public Optional<String> logIn(String email, char[] password) throws SQLException {
    if (!StorableText.storable(email)) {
      // No such email can be stored, so none matches; the same time and answer as any other refusal.
      hasher.burnEquivalentTime(password);
      return Optional.empty();
    }
    try (Connection connection = dataSource.getConnection()) {
      for (UserCopy user : UserStore.findLiveByEmail(connection, email)) {
        Optional<StoredPassword> stored = CredentialStore.find(connection, user.id());
        if (stored.isPresent()) {
          boolean right = hasher.matches(password, stored.get());
          return right && user.canLogIn() ? Optional.of(user.id()) : Optional.empty();
        }
      }
    }
    hasher.burnEquivalentTime(password);
    return Optional.empty();
  }
}
