package dev.handshake.example.users;

import dev.handshake.example.support.Transactions;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the outbox to Kafka, in position order, in batches. One batch is one database transaction:
 * <ol>
 *   <li>take the relay lease ({@code pg_try_advisory_xact_lock}): one relay at a time in the whole deployment,
 *       so two instances never send the same batch, and one user's events never race each other from two
 *       producers (SKIP LOCKED alone would let a second relay send a user's later event first);</li>
 *   <li>lock the next unsent positioned rows ({@code FOR UPDATE}), send them, wait for the broker's acks;</li>
 *   <li>mark the acknowledged prefix sent, commit. A crash before the commit leaves the rows unsent: they are
 *       sent again (same event ids: consumers deduplicate), never lost.</li>
 * </ol>
 * The producer is idempotent with {@code acks=all}, so its own retries neither duplicate nor reorder.
 */
final class OutboxRelay implements AutoCloseable {
  /** The advisory lock key of the relay lease ("Relay" in ASCII). */
  static final long LEASE = 0x52656c6179L;
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  /** Called after the broker acknowledged a batch and before it is marked sent: where a crash costs most. */
  @FunctionalInterface
  interface AfterSend {
    AfterSend NOTHING = events -> { };

    void acknowledged(List<OutboxEvent> events);
  }

  /** What one round did. */
  enum Round { SENT, STALLED, IDLE, PAUSED, LEASED_ELSEWHERE }

  record Config(String topic, int batchSize, Duration poll, Duration retention, EventSchemas schemas) {
    /** With the schemas the jar was built with. */
    Config(String topic, int batchSize, Duration poll, Duration retention) {
      this(topic, batchSize, poll, retention, EventSchemas.builtIn());
    }
  }

  private final Transactions transactions;
  private final PositionSignal signal;
  private final OutboxAdmin admin;
  private final Producer<String, Object> producer;
  private final Config config;
  private final AfterSend afterSend;
  private final PrintStream log;
  private final Thread thread;
  private volatile boolean running = true;
  private Instant nextPurge = Instant.now();

  OutboxRelay(Transactions transactions, PositionSignal signal, OutboxAdmin admin,
      Producer<String, Object> producer, Config config, AfterSend afterSend, PrintStream log) {
    this.transactions = transactions;
    this.signal = signal;
    this.admin = admin;
    this.producer = producer;
    this.config = config;
    this.afterSend = afterSend;
    this.log = log;
    this.thread = new Thread(this::run, "outbox-relay");
    this.thread.setDaemon(true);
  }

  OutboxRelay start() {
    thread.start();
    return this;
  }

  private void run() {
    while (running) {
      long seen = signal.wakeUps();
      try {
        Round round = relayOnce();
        purgeWhenDue();
        if (round != Round.SENT) {
          signal.awaitChangeSince(seen, config.poll());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.println("relay: " + e.getMessage() + "; retrying in " + config.poll().toMillis() + " ms");
        try {
          signal.awaitChangeSince(signal.wakeUps(), config.poll());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One batch: send the next unsent events, mark what the broker acknowledged. */
  Round relayOnce() {
    return transactions.inTransaction(connection -> {
      if (!tryLease(connection)) {
        return Round.LEASED_ELSEWHERE;
      }
      if (OutboxAdmin.paused(connection)) {
        return Round.PAUSED;
      }
      List<OutboxEvent> batch = nextBatch(connection);
      if (batch.isEmpty()) {
        return Round.IDLE;
      }
      List<OutboxEvent> acknowledged = send(batch);
      afterSend.acknowledged(acknowledged);
      markSent(connection, acknowledged);
      // Short of the whole batch: the rest stays unsent and is retried after the poll interval, in order.
      return acknowledged.size() == batch.size() ? Round.SENT : Round.STALLED;
    });
  }

  private static boolean tryLease(Connection connection) throws SQLException {
    try (PreparedStatement lease = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      lease.setLong(1, LEASE);
      try (ResultSet row = lease.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  private List<OutboxEvent> nextBatch(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("""
        SELECT position, id, type, aggregateid, version, payload FROM outbox
        WHERE position IS NOT NULL AND sent_at IS NULL ORDER BY position LIMIT ? FOR UPDATE""")) {
      select.setInt(1, config.batchSize());
      return EventFeed.readEvents(select);
    }
  }

  /** Sends the batch and returns its prefix the broker acknowledged (all of it unless a send failed). */
  private List<OutboxEvent> send(List<OutboxEvent> batch) {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    RuntimeException refused = null;
    for (OutboxEvent event : batch) {
      try {
        acks.add(producer.send(RelayRecords.of(config.topic(), event, config.schemas())));
      } catch (RuntimeException e) {
        refused = e; // e.g. the schema is not registered: nothing after it may overtake it
        break;
      }
    }
    producer.flush();
    List<OutboxEvent> acknowledged = new ArrayList<>();
    for (int i = 0; i < acks.size(); i++) {
      try {
        acks.get(i).get();
        acknowledged.add(batch.get(i));
      } catch (ExecutionException e) {
        log.println("relay: position " + batch.get(i).position() + " not acknowledged: " + e.getCause().getMessage());
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (refused != null && acknowledged.size() == acks.size()) {
      log.println("relay: position " + batch.get(acks.size()).position() + " could not be sent: " + refused.getMessage());
    }
    return acknowledged;
  }

  private static void markSent(Connection connection, List<OutboxEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement mark = connection.prepareStatement(
        "UPDATE outbox SET sent_at = now() WHERE position = ANY (?)")) {
      mark.setArray(1, connection.createArrayOf("bigint",
          events.stream().map(OutboxEvent::position).toArray(Long[]::new)));
      mark.executeUpdate();
    }
  }

  private void purgeWhenDue() {
    if (Instant.now().isBefore(nextPurge)) {
      return;
    }
    nextPurge = Instant.now().plus(PURGE_EVERY);
    long purged = admin.purge(config.retention());
    if (purged > 0) {
      log.println("relay: purged " + purged + " sent events older than " + config.retention());
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(60_000);
    producer.close(Duration.ofSeconds(10));
  }
}
