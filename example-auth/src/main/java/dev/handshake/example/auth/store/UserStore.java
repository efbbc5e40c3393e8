package dev.handshake.example.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * auth's copy of the users, changed only through {@link #apply}: idempotent by event id, and guarded by the user's
 * version so that older state never overwrites newer (a deletion leaves a tombstone carrying its version).
 * Every method runs on the caller's connection, so a whole poll batch and its offsets commit together.
 */
public final class UserStore {

  // The version guard is in the statement itself (where users.version < excluded.version), so it holds even if two
  // writers raced; a deletion keeps the status the user had.
  private static final String UPSERT = """
      insert into users (id, email, status, version, deleted, source_position) values (?, ?, ?, ?, ?, ?)
      on conflict (id) do update set email = excluded.email, status = coalesce(excluded.status, users.status),
        version = excluded.version, deleted = excluded.deleted, source_position = excluded.source_position,
        updated_at = now()
      where users.version < excluded.version""";

  private static final String COLUMNS = "id, email, status, version, deleted, source_position";

  private UserStore() {
  }

  /** Applies one change; a breach of auth's invariants throws {@link UnappliableEventException} first. */
  public static ApplyOutcome apply(Connection connection, UserChange change) throws SQLException {
    change.checkInvariants();
    ApplyOutcome outcome;
    if (!recordEventId(connection, change)) {
      outcome = ApplyOutcome.DUPLICATE;
    } else {
      outcome = upsert(connection, change) ? ApplyOutcome.APPLIED : ApplyOutcome.STALE;
      try (PreparedStatement mark = connection.prepareStatement(
          "update applied_events set outcome = ? where event_id = ?")) {
        mark.setString(1, outcome.name());
        mark.setObject(2, change.eventId());
        mark.executeUpdate();
      }
    }
    Counters.add(connection, outcome.counter(), 1);
    return outcome;
  }

  /**
   * Writes a state that did not come as an event (a snapshot row, a deletion seen by reconciliation) under the
   * same version guard; returns whether it changed anything.
   */
  public static boolean applyState(Connection connection, UserChange change) throws SQLException {
    change.checkInvariants();
    return upsert(connection, change);
  }

  public static Optional<UserCopy> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select " + COLUMNS + " from users where id = ?")) {
      select.setString(1, id);
      List<UserCopy> users = read(select);
      return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
    }
  }

  /** Users not deleted with this email (case-insensitive); normally at most one. */
  public static List<UserCopy> findLiveByEmail(Connection connection, String email) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select " + COLUMNS + " from users where lower(email) = lower(?) and not deleted order by id")) {
      select.setString(1, email);
      return read(select);
    }
  }

  /** Users ordered by id, after {@code afterId} (null for the first page). */
  public static List<UserCopy> page(Connection connection, String afterId, int limit) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select " + COLUMNS + " from users where id > ? order by id limit ?")) {
      select.setString(1, afterId == null ? "" : afterId);
      select.setInt(2, limit);
      return read(select);
    }
  }

  private static boolean recordEventId(Connection connection, UserChange change) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into applied_events (event_id, user_id, outcome) values (?, ?, 'APPLIED') on conflict do nothing")) {
      insert.setObject(1, change.eventId());
      insert.setString(2, change.userId());
      return insert.executeUpdate() == 1;
    }
  }

  private static boolean upsert(Connection connection, UserChange change) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setString(1, change.userId());
      upsert.setString(2, change.email());
      upsert.setString(3, change.deletes() ? null : change.status());
      upsert.setLong(4, change.version());
      upsert.setBoolean(5, change.deletes());
      if (change.sourcePosition() == null) {
        upsert.setNull(6, Types.BIGINT);
      } else {
        upsert.setLong(6, change.sourcePosition());
      }
      return upsert.executeUpdate() == 1;
    }
  }

  private static List<UserCopy> read(PreparedStatement select) throws SQLException {
    List<UserCopy> users = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        long position = rows.getLong(6);
        Long sourcePosition = rows.wasNull() ? null : position;
        users.add(new UserCopy(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
            rows.getBoolean(5), sourcePosition));
      }
    }
    return users;
  }
}
