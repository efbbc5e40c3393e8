package dev.handshake.example.users;

import dev.handshake.example.support.Database;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.ServiceMain;
import dev.handshake.example.support.Settings;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * user-service: users on its own PostgreSQL, a transactional outbox, the relay that publishes it to Kafka,
 * the events feed and the snapshot. {@link #start} runs it in-process (tests, an end-to-end stack); {@link
 * #main} runs it from the environment ({@code java -jar user-service.jar}). Settings are listed in README.md.
 */
public final class UserService implements AutoCloseable {
  public static final int DEFAULT_PORT = 8081;

  private final Database database;
  private final OutboxListener listener;
  private final JsonHttpServer server;
  private final OutboxAdmin admin;

  private UserService(Database database, OutboxListener listener, JsonHttpServer server, OutboxAdmin admin) {
    this.database = database;
    this.listener = listener;
    this.server = server;
    this.admin = admin;
  }

  public static void main(String[] args) {
    ServiceMain.run("user-service", UserService::start);
  }

  /** Starts the service from {@code env} (a wrong setting throws {@code InvalidSettingException}). */
  public static UserService start(Map<String, String> env) {
    return start(env, System.out);
  }

  static UserService start(Map<String, String> env, PrintStream out) {
    Settings settings = Settings.of(env);
    int port = settings.port("HTTP_PORT", DEFAULT_PORT);
    Duration poll = settings.millis("OUTBOX_POLL_MS", Duration.ofSeconds(1));
    Database database = Database.open(settings, "db/users");
    OutboxListener listener = null;
    try {
      Transactions transactions = new Transactions(database.dataSource());
      PositionSignal signal = new PositionSignal();
      Sequencer sequencer = new Sequencer(transactions, signal);
      OutboxAdmin admin = new OutboxAdmin(transactions, signal);
      listener = new OutboxListener(database, sequencer, poll, System.err).start();
      UserStore users = new UserStore(transactions, UserEvents.live(), sequencer);
      UserRoutes routes = new UserRoutes(users, new EventFeed(transactions, signal),
          new UserSnapshot(transactions, sequencer), admin);
      out.println("relay off: KAFKA_BOOTSTRAP_SERVERS is not set; events wait in the outbox and GET /events serves them");
      JsonHttpServer server = JsonHttpServer.start(settings, port, routes::addTo, out);
      return new UserService(database, listener, server, admin);
    } catch (RuntimeException e) {
      closeQuietly(listener);
      database.close();
      throw e;
    }
  }

  /** The root URL, e.g. {@code http://127.0.0.1:8081}. */
  public URI url() {
    return server.url();
  }

  /** {@code GET /admin/outbox} without HTTP: pending and sent counts, the last sent position. */
  OutboxAdmin admin() {
    return admin;
  }

  Database database() {
    return database;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      closeQuietly(listener);
      database.close();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      System.err.println("user-service: while stopping: " + e.getMessage());
    }
  }
}
