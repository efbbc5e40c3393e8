package dev.handshake.example.users;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handshake.example.support.JsonHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code GET /users/snapshot}: every user and the position P the snapshot is exact for: it holds the effect of
 * every event at or below P and of none above it, so a consumer loads it and then reads the feed (or the
 * topic) after P. Exact, not merely "at least P", because:
 * <ul>
 *   <li>every user write holds a shared advisory lock for its transaction; the snapshot takes it exclusively
 *       for a moment, so no write is half-way (committed but not yet positioned) while it starts;</li>
 *   <li>under that lock it positions everything committed, then opens one REPEATABLE READ transaction and reads
 *       P, then lets the writers go on: the users it streams and P come from the same database snapshot.</li>
 * </ul>
 * Rows are streamed with a cursor (fetch size) into the response, so 100,000 users never sit in memory.
 */
final class UserSnapshot {
  /** The advisory lock key user writes share and the snapshot takes exclusively ("Users" in ASCII). */
  static final long WRITE_LOCK = 0x5573657273L;
  private static final int FETCH_SIZE = 500;

  private final Transactions transactions;
  private final Sequencer sequencer;

  UserSnapshot(Transactions transactions, Sequencer sequencer) {
    this.transactions = transactions;
    this.sequencer = sequencer;
  }

  /** Called first in every user write: the snapshot waits for writes in flight and holds off new ones. */
  static void holdWriteLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
      lock.setLong(1, WRITE_LOCK);
      lock.execute();
    }
  }

  void writeTo(OutputStream out) throws SQLException, IOException {
    try (Connection connection = transactions.dataSource().getConnection()) {
      try {
        long position = begin(connection);
        stream(connection, position, out);
      } finally {
        if (!connection.getAutoCommit()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
        try (Statement unlock = connection.createStatement()) {
          unlock.execute("SELECT pg_advisory_unlock_all()");
        }
      }
    }
  }

  /** Positions what has committed and opens the snapshot, with writes held off only for that moment. */
  private long begin(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, WRITE_LOCK);
      lock.execute();
    }
    sequencer.sequenceOn(connection);
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    long position;
    try (Statement read = connection.createStatement();
        ResultSet row = read.executeQuery("SELECT last_position FROM outbox_state")) {
      row.next();
      position = row.getLong(1);
    }
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, WRITE_LOCK);
      unlock.execute();
    }
    return position;
  }

  private static void stream(Connection connection, long position, OutputStream out)
      throws SQLException, IOException {
    try (JsonGenerator json = JsonHttpServer.MAPPER.getFactory().createGenerator(out);
        PreparedStatement select = connection.prepareStatement(
            "SELECT id, email, name, status, version FROM users ORDER BY id")) {
      select.setFetchSize(FETCH_SIZE);
      json.writeStartObject();
      json.writeNumberField("position", position);
      json.writeArrayFieldStart("users");
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          UserJson.write(json, UserStore.read(rows));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }
}
