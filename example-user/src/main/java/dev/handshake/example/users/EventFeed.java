package dev.handshake.example.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /events}: the positioned outbox in position order, the same stream the relay publishes. A consumer
 * keeps the last position it processed and asks for what comes after it; with a timeout the request waits
 * for the next event instead of returning an empty page at once.
 */
final class EventFeed {
  static final String SELECT_AFTER = """
      SELECT position, id, type, aggregateid, version, payload FROM outbox
      WHERE position > ? ORDER BY position LIMIT ?""";

  /** One page: the events and the position to ask after next time. */
  record Page(List<OutboxEvent> events, long last) {}

  private final Transactions transactions;
  private final PositionSignal signal;

  EventFeed(Transactions transactions, PositionSignal signal) {
    this.transactions = transactions;
    this.signal = signal;
  }

  Page after(long after, int limit, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<OutboxEvent> events = read(after, limit);
      long left = deadline - System.nanoTime();
      if (!events.isEmpty() || left <= 0) {
        return new Page(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
      }
      signal.awaitBeyond(after, Duration.ofNanos(left));
    }
  }

  private List<OutboxEvent> read(long after, int limit) {
    return transactions.inTransaction(connection -> {
      long purgedThrough = purgedThrough(connection);
      if (after < purgedThrough) {
        throw new ApiException(410, "after", "events up to position " + purgedThrough
            + " were purged from the sent log: bootstrap from GET /users/snapshot, then read after its position");
      }
      try (PreparedStatement select = connection.prepareStatement(SELECT_AFTER)) {
        select.setLong(1, after);
        select.setInt(2, limit);
        return readEvents(select);
      }
    });
  }

  static long purgedThrough(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT purged_through FROM outbox_state");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The rows of a query selecting position, id, type, aggregateid, version, payload. */
  static List<OutboxEvent> readEvents(PreparedStatement select) throws SQLException {
    List<OutboxEvent> events = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        try {
          events.add(new OutboxEvent(row.getLong("position"), row.getObject("id", UUID.class),
              row.getString("type"), row.getString("aggregateid"), row.getLong("version"),
              JsonHttpServer.MAPPER.readTree(row.getString("payload"))));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("outbox row " + row.getString("id") + " holds invalid JSON", e);
        }
      }
    }
    return events;
  }
}
