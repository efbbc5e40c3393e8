package dev.handshake.example.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Positions in user-service's outbox order that auth keeps itself: {@link #FEED} is the last position the pull
 * feed applied; {@link #SNAPSHOT} the position of the snapshot a bootstrap loaded (records at or before it are
 * already in that snapshot).
 */
public final class StreamPositions {
  public static final String FEED = "feed";
  public static final String SNAPSHOT = "snapshot";

  private StreamPositions() {
  }

  public static void save(Connection connection, String name, long position) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into stream_positions (name, position) values (?, ?)
        on conflict (name) do update set position = excluded.position""")) {
      upsert.setString(1, name);
      upsert.setLong(2, position);
      upsert.executeUpdate();
    }
  }

  public static Optional<Long> find(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select position from stream_positions where name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Whether auth holds no user yet: only then may a bootstrap load the snapshot. */
  public static boolean noUsersYet(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select not exists (select 1 from users)");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getBoolean(1);
    }
  }
}
