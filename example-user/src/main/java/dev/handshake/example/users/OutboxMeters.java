package dev.handshake.example.users;

import dev.handshake.example.support.Observability;
import dev.handshake.example.support.ReadinessCheck;
import dev.handshake.example.support.Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * user-service's readiness (its database answers) and its outbox's meters (docs/operations.md lists them): unsent
 * events and the age of the oldest, read once per scrape from the outbox (every instance sees the same table), and
 * the events this instance's relay had acknowledged by the broker ({@link #sent()}, the send rate).
 */
final class OutboxMeters {
  /** What one scrape read from the outbox. */
  record Backlog(long unsent, double oldestAgeSeconds, boolean paused) {}

  private final Counter sent;

  private OutboxMeters(Counter sent) {
    this.sent = sent;
  }

  static OutboxMeters wire(Observability observability, DataSource dataSource, Transactions transactions) {
    observability.readyWhen("database", ReadinessCheck.database(dataSource));
    MeterRegistry registry = observability.registry();
    AtomicReference<Backlog> backlog = new AtomicReference<>(new Backlog(0, 0, false));
    Gauge.builder("user.outbox.unsent", backlog, last -> last.get().unsent()).baseUnit("events")
        .description("Outbox events not yet acknowledged by the broker (all instances share the outbox)")
        .register(registry);
    Gauge.builder("user.outbox.oldest.unsent.age", backlog, last -> last.get().oldestAgeSeconds()).baseUnit("seconds")
        .description("Age of the oldest unsent outbox event, 0 when none waits").register(registry);
    Gauge.builder("user.outbox.relay.paused", backlog, last -> last.get().paused() ? 1 : 0)
        .description("1 while the relay is paused (POST /admin/relay/pause)").register(registry);
    observability.beforeScrape(() -> backlog.set(read(transactions)));
    return new OutboxMeters(Counter.builder("user.outbox.sent").baseUnit("events")
        .description("Events this instance's relay sent and the broker acknowledged (a resend after a crash counts again)")
        .register(registry));
  }

  /** The relay's hook: called with each batch the broker acknowledged. */
  OutboxRelay.AfterSend sent() {
    return events -> sent.increment(events.size());
  }

  /**
   * Two index lookups instead of counting the backlog (whose cost grew with it: 19 ms of the database's CPU per
   * scrape at 100,000 unsent, bench/README.md). The relay sends and marks in position order and a replay unmarks
   * from a position on, so the positioned unsent rows are exactly the positions from the first unsent one to the
   * last assigned ({@code outbox_state.last_position}); rows not positioned yet are few, and counted.
   */
  static Backlog read(Transactions transactions) {
    return transactions.inTransaction(connection -> {
      try (PreparedStatement select = connection.prepareStatement("""
          WITH head AS (SELECT position, created_at FROM outbox
                        WHERE position IS NOT NULL AND sent_at IS NULL ORDER BY position LIMIT 1),
               unpositioned AS (SELECT count(*) AS events, min(created_at) AS oldest FROM outbox
                                WHERE position IS NULL)
          SELECT coalesce(s.last_position - (SELECT position FROM head) + 1, 0) + u.events,
                 coalesce(extract(epoch FROM clock_timestamp()
                     - least((SELECT created_at FROM head), u.oldest)), 0),
                 s.relay_paused
          FROM outbox_state s, unpositioned u""");
          ResultSet row = select.executeQuery()) {
        row.next();
        return new Backlog(row.getLong(1), row.getDouble(2), row.getBoolean(3));
      }
    });
  }
}
