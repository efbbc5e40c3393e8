package dev.handshake.example.users;

import dev.handshake.example.support.Database;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * Keeps positions flowing without anyone polling in a tight loop: LISTENs (on its own connection, outside
 * the pool) for writers' and other instances' NOTIFYs and runs the {@link Sequencer} when one arrives, and
 * at least every {@code pollInterval} in case a notification was missed (a NOTIFY is lost if the listening
 * connection was down when it was sent).
 */
final class OutboxListener implements AutoCloseable {
  private final Database database;
  private final Sequencer sequencer;
  private final Duration pollInterval;
  private final PrintStream log;
  private final Thread thread;
  private volatile boolean running = true;

  OutboxListener(Database database, Sequencer sequencer, Duration pollInterval, PrintStream log) {
    this.database = database;
    this.sequencer = sequencer;
    this.pollInterval = pollInterval;
    this.log = log;
    this.thread = new Thread(this::run, "outbox-listener");
    this.thread.setDaemon(true);
  }

  OutboxListener start() {
    thread.start();
    return this;
  }

  private void run() {
    while (running) {
      try (Connection connection = database.connectOutsidePool()) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + OutboxWriter.WRITTEN_CHANNEL);
          listen.execute("LISTEN " + Sequencer.POSITIONED_CHANNEL);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
          sequencer.sequence();
          notifications.getNotifications((int) Math.max(1, pollInterval.toMillis()));
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.println("outbox listener: " + e.getMessage() + "; reconnecting in " + pollInterval.toMillis() + " ms");
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(pollInterval.toMillis() + 10_000);
  }
}
