package dev.handshake.example.auth.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.auth.consume.EventSource;
import dev.handshake.example.auth.consume.Failures;
import dev.handshake.example.auth.store.DeadLetter;
import dev.handshake.example.auth.store.DeadLetterStore;
import dev.handshake.example.auth.store.StreamPositions;
import dev.handshake.example.support.Transactions;
import dev.handshake.example.auth.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Pull mode ({@code EVENT_SOURCE=feed}): reads user-service's {@code GET /events} instead of Kafka, the source
 * documents' alternative to a broker. auth keeps its position in its own database, written in the same transaction
 * as the events of each page, so it is "responsible for knowing where it is up to" and resumes there after a stop.
 * A poison event is stored as a dead letter (topic {@value #DEAD_LETTER_TOPIC}, offset = its position) and skipped.
 */
public final class FeedEventSource implements EventSource {
  public static final String DEAD_LETTER_TOPIC = "user-service-feed";
  private static final int PAGE = 200;
  private static final Duration LONG_POLL = Duration.ofSeconds(2);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final UserServiceClient userService;
  private final Thread thread;
  private final AtomicLong lag = new AtomicLong(-1);
  private final AtomicLong transientFailures = new AtomicLong();
  private final Object wakeUp = new Object();
  private volatile boolean running = true;
  /** The last read of the feed failed (and is being retried): not ready until one succeeds. */
  private volatile boolean failing;

  public FeedEventSource(DataSource dataSource, UserServiceClient userService) {
    this.dataSource = dataSource;
    this.userService = userService;
    this.thread = new Thread(this::run, "auth-feed");
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public long lag() {
    return lag.get();
  }

  @Override
  public Optional<String> notReadyBecause() {
    if (!thread.isAlive()) {
      return Optional.of("the feed reader is not running");
    }
    return failing ? Optional.of("reading user-service's feed failed; retrying (the service's log says why)")
        : Optional.empty();
  }

  @Override
  public long transientFailures() {
    return transientFailures.get();
  }

  private void run() {
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        long after = position();
        JsonNode page = userService.events(after, PAGE, LONG_POLL);
        List<JsonNode> events = page.path("events").valueStream().toList();
        if (!events.isEmpty()) {
          Transactions.inTransaction(dataSource, connection -> applyPage(connection, events));
        }
        // A full page means more are waiting; a short one means auth has caught up.
        lag.set(events.size() == PAGE ? PAGE : 0);
        failing = false;
        backoff = Duration.ofMillis(200);
      } catch (Exception failure) {
        if (!running) {
          return;
        }
        transientFailures.incrementAndGet();
        failing = true;
        System.err.println("auth-service: feed failed, retrying in " + backoff.toMillis() + " ms: "
            + Failures.message(failure));
        pause(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  private long position() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return StreamPositions.find(connection, StreamPositions.FEED).orElse(0L);
    }
  }

  private Void applyPage(Connection connection, List<JsonNode> events) throws SQLException {
    for (JsonNode event : events) {
      Savepoint beforeEvent = connection.setSavepoint();
      try {
        UserStore.apply(connection, FeedEvents.toChange(event));
      } catch (RuntimeException | SQLException failure) {
        if (Failures.isTransient(failure)) {
          if (failure instanceof SQLException sql) {
            throw sql;
          }
          throw (RuntimeException) failure;
        }
        connection.rollback(beforeEvent);
        DeadLetterStore.add(connection, new DeadLetter(0, DEAD_LETTER_TOPIC, 0, event.path("position").asLong(),
            System.currentTimeMillis(), "CREATE_TIME", event.path("userId").asText("").getBytes(StandardCharsets.UTF_8),
            event.toString().getBytes(StandardCharsets.UTF_8), List.of(), failure.getClass().getName(),
            Failures.message(failure), 0));
      }
      StreamPositions.save(connection, StreamPositions.FEED, event.path("position").asLong());
    }
    return null;
  }

  private void pause(Duration duration) {
    synchronized (wakeUp) {
      try {
        wakeUp.wait(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
