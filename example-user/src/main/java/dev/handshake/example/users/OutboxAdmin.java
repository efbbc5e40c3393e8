package dev.handshake.example.users;

import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The sent log's housekeeping and the operator's controls: counts, retention purge, replay from a position
 * (the broker lost data), and pausing the relay (the publisher is broken for an hour: writes go on, events
 * wait in the outbox, and resume sends them in order). Pause is stored in the database so every relay
 * instance obeys it and it survives restarts.
 */
final class OutboxAdmin {
  /** {@code GET /admin/outbox}. {@code lastSentPosition} is the highest position the broker acknowledged. */
  record Status(long pending, long sent, long lastSentPosition, boolean paused) {}

  private final Transactions transactions;
  private final PositionSignal signal;

  OutboxAdmin(Transactions transactions, PositionSignal signal) {
    this.transactions = transactions;
    this.signal = signal;
  }

  Status status() {
    return transactions.inTransaction(connection -> {
      try (PreparedStatement select = connection.prepareStatement("""
          SELECT count(*) FILTER (WHERE sent_at IS NULL),
                 count(*) FILTER (WHERE sent_at IS NOT NULL),
                 greatest(max(position) FILTER (WHERE sent_at IS NOT NULL),
                          (SELECT purged_through FROM outbox_state)),
                 (SELECT relay_paused FROM outbox_state)
          FROM outbox""");
          ResultSet row = select.executeQuery()) {
        row.next();
        return new Status(row.getLong(1), row.getLong(2), row.getLong(3), row.getBoolean(4));
      }
    });
  }

  /**
   * Marks every sent event from {@code fromPosition} on as unsent again, so the relay publishes them once
   * more, in position order, with their original event ids (consumers deduplicate on those).
   */
  long replay(long fromPosition) {
    long requeued = transactions.inTransaction(connection -> {
      long purgedThrough = EventFeed.purgedThrough(connection);
      if (fromPosition <= purgedThrough) {
        throw ApiException.conflict("fromPosition", "events up to position " + purgedThrough
            + " were purged from the sent log (retention): replay can start at " + (purgedThrough + 1) + " at the earliest");
      }
      try (PreparedStatement requeue = connection.prepareStatement(
          "UPDATE outbox SET sent_at = NULL WHERE position >= ? AND sent_at IS NOT NULL")) {
        requeue.setLong(1, fromPosition);
        return (long) requeue.executeUpdate();
      }
    });
    signal.poke();
    return requeued;
  }

  void setPaused(boolean paused) {
    transactions.inTransaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_state SET relay_paused = ?")) {
        update.setBoolean(1, paused);
        update.executeUpdate();
      }
      return null;
    });
    signal.poke();
  }

  static boolean paused(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT relay_paused FROM outbox_state");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getBoolean(1);
    }
  }

  /**
   * Deletes sent events older than {@code retention} and remembers the highest position deleted, so the feed
   * and replay can say that what a caller asks for is gone instead of silently skipping it.
   * Unsent events are never purged. Returns how many rows were deleted.
   */
  long purge(Duration retention) {
    return transactions.inTransaction(connection -> {
      try (PreparedStatement delete = connection.prepareStatement("""
          WITH gone AS (DELETE FROM outbox WHERE sent_at < now() - ? * interval '1 millisecond'
                        RETURNING position)
          UPDATE outbox_state SET purged_through = greatest(purged_through, (SELECT max(position) FROM gone))
          WHERE EXISTS (SELECT 1 FROM gone)
          RETURNING (SELECT count(*) FROM gone)""")) {
        delete.setLong(1, retention.toMillis());
        try (ResultSet row = delete.executeQuery()) {
          return row.next() ? row.getLong(1) : 0L;
        }
      }
    });
  }
}
