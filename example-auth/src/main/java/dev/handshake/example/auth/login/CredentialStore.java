package dev.handshake.example.auth.login;

import dev.handshake.example.auth.login.PasswordHasher.StoredPassword;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Password hashes per user id, in auth's own database. */
final class CredentialStore {

  private CredentialStore() {
  }

  static void save(Connection connection, String userId, StoredPassword password) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into credentials (user_id, algorithm, iterations, salt, hash) values (?, ?, ?, ?, ?)
        on conflict (user_id) do update set algorithm = excluded.algorithm, iterations = excluded.iterations,
          salt = excluded.salt, hash = excluded.hash, updated_at = now()""")) {
      upsert.setString(1, userId);
      upsert.setString(2, password.algorithm());
      upsert.setInt(3, password.iterations());
      upsert.setBytes(4, password.salt());
      upsert.setBytes(5, password.hash());
      upsert.executeUpdate();
    }
  }

  static Optional<StoredPassword> find(Connection connection, String userId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select algorithm, iterations, salt, hash from credentials where user_id = ?")) {
      select.setString(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next()
            ? Optional.of(new StoredPassword(rows.getString(1), rows.getInt(2), rows.getBytes(3), rows.getBytes(4)))
            : Optional.empty();
      }
    }
  }
}
