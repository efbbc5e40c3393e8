package dev.handshake.example.users;

import dev.handshake.example.support.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives committed outbox rows their position, in one step after commit. A row is only visible here once its
 * transaction committed, and sequencers take turns on {@code outbox_state}'s row lock, so positions become
 * visible in increasing order: a reader that has seen position N will never later find a new row at or
 * below N. That is what lets the relay and the feed read "everything after N" without ever skipping a row
 * that committed late (the flaw of pollers that order by an id assigned at insert; see docs/architecture.md).
 */
final class Sequencer {
  /** The sequencer NOTIFYs this channel (payload: the last position) after assigning positions. */
  static final String POSITIONED_CHANNEL = "outbox_positioned";
  private static final int BATCH = 5_000;

  private final Transactions transactions;
  private final PositionSignal signal;

  Sequencer(Transactions transactions, PositionSignal signal) {
    this.transactions = transactions;
    this.signal = signal;
  }

  /** Positions every committed row that has none yet; returns the last position assigned so far. */
  long sequence() {
    return transactions.withConnection(this::sequenceOn);
  }

  /** The same on a connection the caller holds (the snapshot's, so it never waits for a second one). */
  long sequenceOn(Connection connection) throws SQLException {
    // READ COMMITTED is what lets each statement see the rows committed while it waited for the lock.
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    long last;
    int assigned;
    do {
      long[] result = Transactions.inTransaction(connection, Sequencer::assignBatch);
      last = result[0];
      assigned = (int) result[1];
    } while (assigned == BATCH);
    signal.advanced(last);
    return last;
  }

  private static long[] assignBatch(Connection connection) throws SQLException {
    long base;
    try (PreparedStatement lock = connection.prepareStatement("SELECT last_position FROM outbox_state FOR UPDATE");
        ResultSet row = lock.executeQuery()) {
      row.next();
      base = row.getLong(1);
    }
    // A new statement, so a new READ COMMITTED snapshot: it sees every row committed before we got the lock,
    // including the positions the previous sequencer committed.
    int assigned;
    try (PreparedStatement assign = connection.prepareStatement("""
        UPDATE outbox o SET position = ? + next.n
        FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM outbox
              WHERE position IS NULL ORDER BY seq LIMIT ?) next
        WHERE o.seq = next.seq""")) {
      assign.setLong(1, base);
      assign.setInt(2, BATCH);
      assigned = assign.executeUpdate();
    }
    if (assigned > 0) {
      try (PreparedStatement advance = connection.prepareStatement(
          "UPDATE outbox_state SET last_position = ?");
          PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
        advance.setLong(1, base + assigned);
        advance.executeUpdate();
        notify.setString(1, POSITIONED_CHANNEL);
        notify.setString(2, Long.toString(base + assigned));
        notify.execute();
      }
    }
    return new long[] {base + assigned, assigned};
  }
}
