package dev.handshake.example.users;

import dev.handshake.example.support.AdminToken;
import dev.handshake.example.support.Database;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.Observability;
import dev.handshake.example.support.ServiceMain;
import dev.handshake.example.support.Settings;
import dev.handshake.example.support.Transactions;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * user-service: users on its own PostgreSQL, a transactional outbox, the relay that publishes it to Kafka,
 * the events feed and the snapshot. {@link #start} runs it in-process (tests, an end-to-end stack); {@link
 * #main} runs it from the environment ({@code java -jar user-service.jar}). Settings are listed in README.md.
 */
public final class UserService implements AutoCloseable {
  /** Not the registry's 8081 (handshake registry serve), nor any other part of the stack's defaults. */
  public static final int DEFAULT_PORT = 8091;

  private final Database database;
  private final Parts parts;
  private final OutboxListener listener;
  private final OutboxRelay relay;
  private final JsonHttpServer server;
  private final Observed observed;

  /** Health, meters and the consumer watch (closed after the server). */
  private record Observed(Observability observability, Optional<ConsumerWatch> watch) implements AutoCloseable {
    @Override
    public void close() {
      watch.ifPresent(ConsumerWatch::close);
      observability.close();
    }
  }

  /** The service's parts, wired once; tests in this package reach them to set up exact situations. */
  record Parts(Transactions transactions, PositionSignal signal, Sequencer sequencer, OutboxAdmin admin,
      UserStore users, EventFeed feed, UserSnapshot snapshot, EventVersions versions) {
    static Parts wire(Database database) {
      return wire(database, EventVersions.builtIn());
    }

    static Parts wire(Database database, EventVersions versions) {
      Transactions transactions = new Transactions(database.dataSource());
      PositionSignal signal = new PositionSignal();
      Sequencer sequencer = new Sequencer(transactions, signal);
      return new Parts(transactions, signal, sequencer, new OutboxAdmin(transactions, signal),
          new UserStore(transactions, UserEvents.live(versions.outbox()), sequencer),
          new EventFeed(transactions, signal), new UserSnapshot(transactions, sequencer), versions);
    }
  }

  private UserService(Database database, Parts parts, OutboxListener listener, OutboxRelay relay,
      JsonHttpServer server, Observed observed) {
    this.observed = observed;
    this.database = database;
    this.parts = parts;
    this.listener = listener;
    this.relay = relay;
    this.server = server;
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
    settings.host("HTTP_HOST", "127.0.0.1"); // checked before the database starts, so a typo fails fast
    int port = settings.port("HTTP_PORT", DEFAULT_PORT);
    Duration poll = settings.millis("OUTBOX_POLL_MS", Duration.ofSeconds(1));
    Optional<Map<String, Object>> kafka = RelayProducer.properties(settings);
    List<EventVersion> published = EventVersion.published(settings);
    EventVersions versions = new EventVersions(settings.path(EventSchemas.VARIABLE).map(EventSchemas::fromDirectory)
        .orElseGet(EventSchemas::builtIn), EventSchemas.builtInV2());
    int partitions = UserEventTopics.partitions(settings);
    OutboxRelay.Config relayConfig = new OutboxRelay.Config(settings.text("USER_EVENTS_TOPIC", "user-events"),
        published, (int) settings.atLeast("RELAY_BATCH_SIZE", 2_000, 1), poll,
        Duration.ofHours(settings.atLeast("OUTBOX_RETENTION_HOURS", 7 * 24, 1)), versions);
    Optional<AdminToken> configuredToken = AdminToken.configured(settings);
    Optional<ConsumerWatch.Config> watchConfig = kafka.map(
        present -> ConsumerWatch.Config.read(settings, relayConfig.topics()));
    Database database = Database.open(settings, "db/users");
    OutboxListener listener = null;
    OutboxRelay relay = null;
    Observed observed = null;
    try {
      AdminToken adminToken = configuredToken.orElseGet(() -> AdminToken.generate(settings, "user-service", out));
      Parts parts = Parts.wire(database, versions);
      versions.checkHeld(parts.users().statusesHeld(), published);
      listener = new OutboxListener(database, parts.sequencer(), poll, System.err).start();
      observed = new Observed(new Observability(), watchConfig.map(config -> new ConsumerWatch(
          (String) kafka.get().get("bootstrap.servers"), config, Clock.systemUTC())));
      OutboxMeters outboxMeters = OutboxMeters.wire(observed.observability(), database.dataSource(),
          parts.transactions());
      ConsumerWatchEndpoints watchEndpoints = ConsumerWatchEndpoints.wire(observed.observability(), observed.watch());
      if (kafka.isPresent()) {
        UserEventTopics.ensure(kafka.get(), relayConfig.topics(), partitions, out);
        relay = new OutboxRelay(parts.transactions(), parts.signal(), parts.admin(),
            RelayProducer.create(kafka.get()), relayConfig, outboxMeters.sent(), System.err).start();
        out.println("relay on: publishing the outbox to " + String.join(", ", relayConfig.topics()) + " at "
            + kafka.get().get("bootstrap.servers"));
      } else {
        out.println("relay off: KAFKA_BOOTSTRAP_SERVERS is not set; events wait in the outbox and GET /events serves them");
      }
      List<String> statuses = versions.statusSymbols(published);
      out.println("event schemas: v1 " + versions.v1().origin() + ", v2 " + versions.v2().origin() + "; published "
          + EventVersion.labels(published) + " (UserStatus " + statuses + ")");
      UserRoutes routes = new UserRoutes(parts.users(), parts.feed(), parts.snapshot(), parts.admin(),
          statuses, adminToken);
      JsonHttpServer server = JsonHttpServer.start(settings, port, observed.observability().alongside(config -> {
        routes.addTo(config);
        watchEndpoints.addTo(config);
      }), out);
      return new UserService(database, parts, listener, relay, server, observed);
    } catch (RuntimeException e) {
      closeQuietly(relay);
      closeQuietly(observed);
      closeQuietly(listener);
      database.close();
      throw e;
    }
  }

  /** The root URL, e.g. {@code http://127.0.0.1:8091}. */
  public URI url() {
    return server.url();
  }

  /** {@code GET /admin/outbox} without HTTP: pending and sent counts, the last sent position. */
  OutboxAdmin admin() {
    return parts.admin();
  }

  Parts parts() {
    return parts;
  }

  Database database() {
    return database;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      closeQuietly(relay);
      closeQuietly(observed);
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
