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
 *   <li>lock the next unsent positioned rows ({@code FOR UPDATE}), send each to the topic of every published
 *       version ({@code PUBLISHED_VERSIONS}: v1 to {@code user-events}, v2 to {@code user-events.v2}, same key,
 *       headers, event id and position), wait for the broker's acks;</li>
 *   <li>mark sent the prefix of rows that EVERY topic acknowledged, commit. A crash before the commit, or a
 *       topic that did not acknowledge, leaves the rows unsent: they are sent again to every topic (same event
 *       ids: consumers deduplicate), never lost, so no version goes out without the others following.</li>
 * </ol>
 * The producer is idempotent with {@code acks=all}, so its own retries neither duplicate nor reorder, and each
 * topic gets the rows in position order: per-user order holds on each.
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

  /**
   * {@code topic}: v1's topic ({@code USER_EVENTS_TOPIC}), which names every version's ({@link
   * EventVersion#topic}); {@code published}: the versions sent, in version order.
   */
  record Config(String topic, List<EventVersion> published, int batchSize, Duration poll, Duration retention,
      EventVersions versions) {
    Config {
      published = List.copyOf(published);
      if (published.isEmpty()) {
        throw new IllegalArgumentException("the relay publishes at least one version");
      }
    }

    /** Every version, with the schemas the jar was built with. */
    Config(String topic, int batchSize, Duration poll, Duration retention) {
      this(topic, List.of(EventVersion.values()), batchSize, poll, retention, EventVersions.builtIn());
    }

    /** The topics the relay sends to, one per published version, in version order. */
    List<String> topics() {
      return published.stream().map(version -> version.topic(topic)).toList();
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

  /**
   * Sends each event of the batch to every published version's topic and returns the prefix of events that
   * every topic acknowledged (all of them unless a send failed).
   */
  private List<OutboxEvent> send(List<OutboxEvent> batch) {
    List<List<Future<RecordMetadata>>> acks = new ArrayList<>();
    RuntimeException refused = null;
    sending:
    for (OutboxEvent event : batch) {
      List<Future<RecordMetadata>> eventAcks = new ArrayList<>();
      acks.add(eventAcks);
      for (EventVersion version : config.published()) {
        try {
          eventAcks.add(producer.send(RelayRecords.of(version.topic(config.topic()), version, event, config.versions())));
        } catch (RuntimeException e) {
          refused = e; // e.g. the schema is not registered: nothing after it may overtake it
          break sending;
        }
      }
    }
    producer.flush();
    List<OutboxEvent> acknowledged = new ArrayList<>();
    for (int i = 0; i < acks.size() && allAcknowledged(batch.get(i), acks.get(i)); i++) {
      acknowledged.add(batch.get(i));
    }
    if (refused != null && acknowledged.size() == acks.size() - 1) {
      log.println("relay: position " + batch.get(acknowledged.size()).position() + " could not be sent: "
          + refused.getMessage());
    }
    return acknowledged;
  }

  /** Whether every topic the event was sent to acknowledged it; false too when it was not sent to all. */
  private boolean allAcknowledged(OutboxEvent event, List<Future<RecordMetadata>> acks) {
    if (acks.size() < config.published().size()) {
      return false;
    }
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get();
      } catch (ExecutionException e) {
        log.println("relay: position " + event.position() + " not acknowledged: " + e.getCause().getMessage());
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
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
