package dev.handshake.example.auth;

import dev.handshake.example.auth.consume.BatchTimer;
import dev.handshake.example.auth.consume.DeadLetterTopic;
import dev.handshake.example.auth.consume.EventDecoder;
import dev.handshake.example.auth.consume.EventSource;
import dev.handshake.example.auth.consume.KafkaEventSource;
import dev.handshake.example.auth.login.Login;
import dev.handshake.example.auth.login.LoginThrottle;
import dev.handshake.example.auth.login.PasswordHasher;
import dev.handshake.example.auth.sync.Bootstrap;
import dev.handshake.example.auth.sync.FeedEventSource;
import dev.handshake.example.auth.sync.Reconciler;
import dev.handshake.example.auth.sync.UserServiceClient;
import dev.handshake.example.support.AdminToken;
import dev.handshake.example.support.Database;
import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.Observability;
import dev.handshake.example.support.ServiceMain;
import dev.handshake.example.support.Settings;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * auth-service: user-service's events consumed into its own PostgreSQL (from Kafka, or from the pull feed), dead
 * letters and their replay, reconciliation and bootstrap from user-service's snapshot, and the login. {@link #start}
 * runs it in-process; {@link #main} runs it from the environment ({@code java -jar auth-service.jar}). Settings are
 * listed in README.md.
 */
public final class AuthService implements AutoCloseable {
  /** Not the registry's 8081 nor user-service's 8091, nor any other part of the stack's defaults. */
  public static final int DEFAULT_PORT = 8092;

  /** Closed in reverse order of opening: the HTTP server first, the database last. */
  private final Deque<AutoCloseable> parts;
  private final JsonHttpServer server;

  private AuthService(Deque<AutoCloseable> parts, JsonHttpServer server) {
    this.parts = parts;
    this.server = server;
  }

  public static void main(String[] args) {
    ServiceMain.run("auth-service", AuthService::start);
  }

  /** Starts the service from {@code env}; a wrong setting throws {@link InvalidSettingException} naming it. */
  public static AuthService start(Map<String, String> env) throws Exception {
    return start(env, System.out);
  }

  static AuthService start(Map<String, String> env, PrintStream out) throws Exception {
    Settings settings = Settings.of(env);
    AuthSettings config = AuthSettings.read(settings);
    settings.host("HTTP_HOST", "127.0.0.1"); // checked before the database starts, so a typo fails fast
    Optional<AdminToken> configuredToken = AdminToken.configured(settings);
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    try {
      Database database = opened(parts, Database.open(settings, "db/auth"));
      Observability observability = opened(parts, new Observability());
      AdminToken adminToken = configuredToken.orElseGet(() -> AdminToken.generate(settings, "auth-service", out));
      Optional<UserServiceClient> userService = config.userServiceUrl().map(UserServiceClient::new);
      if (config.bootstrapFromSnapshot()) {
        UserServiceClient client = userService.orElseThrow(() -> new InvalidSettingException("USER_SERVICE_URL",
            "BOOTSTRAP=snapshot needs USER_SERVICE_URL: set it to user-service's root URL"));
        Bootstrap.loadIfEmpty(database.dataSource(), client::snapshot, config.topic())
            .ifPresent(position -> out.println("bootstrapped from user-service's snapshot at position " + position));
      }
      Optional<Long> snapshotPosition = Bootstrap.loadedPosition(database.dataSource());
      String readerSchemas = config.readerSchemasDir().orElseGet(
          () -> opened(parts, ShippedReaderSchemas.write(config.eventsVersion())).directory().toString());
      EventDecoder decoder = opened(parts, new EventDecoder(config.registryUrl().orElse("http://127.0.0.1:1"),
          readerSchemas));
      EventSource events = opened(parts, eventSource(parts, config, database, decoder, userService,
          snapshotPosition, new BatchTimer(observability.registry()), out));
      AuthObservability.wire(observability, database.dataSource(), events, config.topic());
      Optional<Reconciler> reconciler = userService.map(client -> new Reconciler(database.dataSource(),
          client::snapshot));
      reconciler.ifPresent(configured -> config.reconcileEvery().ifPresent(
          interval -> opened(parts, new ReconcileSchedule(configured, interval))));
      Login login = new Login(database.dataSource(), new PasswordHasher(config.passwordIterations()));
      AuthRoutes routes = new AuthRoutes(database.dataSource(), login,
          new DeadLetterReplay(database.dataSource(), decoder), reconciler, events, adminToken,
          LoginThrottle.standard(config.loginMaxFailures(), config.loginLock(), config.loginConcurrency()));
      events.start();
      JsonHttpServer server = opened(parts, JsonHttpServer.start(settings, DEFAULT_PORT,
          observability.alongside(routes::addTo), out));
      return new AuthService(parts, server);
    } catch (Exception | Error e) {
      closeAll(parts);
      throw e;
    }
  }

  private static EventSource eventSource(Deque<AutoCloseable> parts, AuthSettings config, Database database,
      EventDecoder decoder,
      Optional<UserServiceClient> userService, Optional<Long> snapshotPosition, BatchTimer batchTimer,
      PrintStream out) {
    if (config.pullFeed()) {
      return new FeedEventSource(database.dataSource(), userService.orElseThrow());
    }
    if (config.kafkaBootstrapServers().isEmpty()) {
      out.println("consumer off: KAFKA_BOOTSTRAP_SERVERS is not set; set it (and SCHEMA_REGISTRY_URL), or "
          + "EVENT_SOURCE=feed with USER_SERVICE_URL");
      return EventSource.NONE;
    }
    String bootstrapServers = config.kafkaBootstrapServers().get();
    DeadLetterTopic deadLetters = opened(parts, new DeadLetterTopic(bootstrapServers, config.consumerGroup()));
    deadLetters.ensureTopicFor(config.topic());
    return new KafkaEventSource(bootstrapServers, config.consumerGroup(), config.topic(), database.dataSource(),
        decoder, deadLetters, snapshotPosition.orElse(null), batchTimer);
  }

  /** The root URL, e.g. {@code http://127.0.0.1:8092}. */
  public URI url() {
    return server.url();
  }

  @Override
  public void close() {
    closeAll(parts);
  }

  private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> parts, T part) {
    parts.push(part);
    return part;
  }

  private static void closeAll(Deque<AutoCloseable> parts) {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        System.err.println("auth-service: while stopping: " + e.getMessage());
      }
    }
  }

  /** {@code POST /admin/reconcile} on a timer ({@code RECONCILE_INTERVAL_MS}). */
  private static final class ReconcileSchedule implements AutoCloseable {
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "auth-reconcile");
          thread.setDaemon(true);
          return thread;
        });

    ReconcileSchedule(Reconciler reconciler, Duration interval) {
      timer.scheduleWithFixedDelay(() -> {
        try {
          Reconciler.Result result = reconciler.reconcile(false);
          System.out.println("auth-service: reconciled: " + result);
        } catch (Exception e) {
          System.err.println("auth-service: scheduled reconciliation failed: " + e.getMessage());
        }
      }, interval.toMillis(), interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      timer.shutdown();
      // A run in progress finishes before the database it writes to is closed.
      if (!timer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    }
  }
}
