package dev.handshake.example.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes that come from user-service's snapshot rather than from events (bootstrap and reconciliation). Each is one
 * guarded statement, so it cannot overwrite a newer state even when the consumer applies an event at the same
 * moment: the guard is evaluated on the row as it is when the statement runs.
 */
public final class SnapshotWrites {

  private SnapshotWrites() {
  }

  /**
   * Writes a snapshot row unless auth holds a newer version (or a deletion at the same or a newer version); at the
   * same version it corrects fields that differ. Returns whether the row changed.
   */
  public static boolean writeRow(Connection connection, String id, String email, String status, long version,
      long snapshotPosition) throws SQLException {
    new UserChange(java.util.UUID.randomUUID(), UserChange.Kind.UPDATED, id, email, status, version, null)
        .checkInvariants();
    try (PreparedStatement upsert = connection.prepareStatement("""
        insert into users (id, email, status, version, deleted, source_position) values (?, ?, ?, ?, false, ?)
        on conflict (id) do update set email = excluded.email, status = excluded.status, version = excluded.version,
          deleted = false, source_position = excluded.source_position, updated_at = now()
        where users.version < excluded.version
          or (users.version = excluded.version and not users.deleted
              and (users.email <> excluded.email or users.status <> excluded.status))""")) {
      upsert.setString(1, id);
      upsert.setString(2, email);
      upsert.setString(3, status);
      upsert.setLong(4, version);
      upsert.setLong(5, snapshotPosition);
      return upsert.executeUpdate() == 1;
    }
  }

  /**
   * The user is live in auth but absent from a snapshot taken after auth's state of them: deleted upstream.
   * user-service's deletion carries a version above any auth has seen, so the tombstone takes the next version as
   * a lower bound. Changes nothing if the row moved on meanwhile. Returns whether it changed.
   */
  public static boolean markDeletedUpstream(Connection connection, String id, long seenVersion,
      long snapshotPosition) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("""
        update users set deleted = true, version = version + 1, source_position = ?, updated_at = now()
        where id = ? and not deleted and version = ? and (source_position is null or source_position <= ?)""")) {
      update.setLong(1, snapshotPosition);
      update.setString(2, id);
      update.setLong(3, seenVersion);
      update.setLong(4, snapshotPosition);
      return update.executeUpdate() == 1;
    }
  }
}
