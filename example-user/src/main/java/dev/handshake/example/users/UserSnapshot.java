package dev.handshake.example.users;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.Transactions;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * {@code GET /users/snapshot}: every user and the position P the snapshot is exact for: it holds the effect of
 * every event at or below P and of none above it, so a consumer loads it and then reads the feed (or the
 * topic) after P. Exact, not merely "at least P", without ever blocking a writer:
 * <ul>
 *   <li>it positions everything committed, then opens one REPEATABLE READ transaction and reads P there: the
 *       users it streams and P come from the same database snapshot, in which every positioned row is at or
 *       below P (positions and {@code last_position} commit together);</li>
 *   <li>a write that committed between those two steps is visible with no position yet: its user change is in
 *       the snapshot but its event would come after P. The snapshot checks for such rows and, if there are
 *       any, starts again (positioning them first); a write commits in that gap rarely, so it seldom retries.</li>
 * </ul>
 * Rows are streamed with a cursor (fetch size) into the response, so 100,000 users never sit in memory.
 */
final class UserSnapshot {
  private static final int FETCH_SIZE = 500;
  private static final int MAX_ATTEMPTS = 100;

  private final Transactions transactions;
  private final Sequencer sequencer;

  UserSnapshot(Transactions transactions, Sequencer sequencer) {
    this.transactions = transactions;
    this.sequencer = sequencer;
  }

  void writeTo(OutputStream out) throws SQLException, IOException {
    try (Connection connection = transactions.dataSource().getConnection()) {
      try {
        stream(connection, begin(connection), out);
      } finally {
        if (!connection.getAutoCommit()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    }
  }

  /** Leaves {@code connection} in a REPEATABLE READ transaction whose snapshot is exact for the returned P. */
  private long begin(Connection connection) throws SQLException {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      sequencer.sequenceOn(connection);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setAutoCommit(false);
      Optional<Long> position = exactPosition(connection);
      if (position.isPresent()) {
        return position.get();
      }
      connection.rollback();
      connection.setAutoCommit(true);
    }
    throw new ApiException(503, null, "writes kept committing while the snapshot started (" + MAX_ATTEMPTS
        + " attempts): retry GET /users/snapshot");
  }

  /**
   * In a REPEATABLE READ transaction (its snapshot is taken by this query): P, or empty when the snapshot
   * holds a committed write that has no position yet, so no P is exact for it.
   */
  static Optional<Long> exactPosition(Connection connection) throws SQLException {
    try (Statement read = connection.createStatement();
        ResultSet row = read.executeQuery("""
            SELECT last_position, EXISTS (SELECT 1 FROM outbox WHERE position IS NULL) FROM outbox_state""")) {
      row.next();
      return row.getBoolean(2) ? Optional.empty() : Optional.of(row.getLong(1));
    }
  }

  private static void stream(Connection connection, long position, OutputStream out)
      throws SQLException, IOException {
    try (JsonGenerator json = JsonHttpServer.MAPPER.getFactory().createGenerator(out);
        PreparedStatement select = connection.prepareStatement(
            "SELECT id, email, given_name, family_name, status, version FROM users ORDER BY id")) {
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
