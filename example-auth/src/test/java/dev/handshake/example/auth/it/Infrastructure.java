package dev.handshake.example.auth.it;

import dev.handshake.example.auth.TestDatabase;
import dev.handshake.registry.RegistryServer;
import dev.handshake.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real parts auth-service runs on, started once for all the test classes that ask for it and stopped when the
 * test run ends: an in-process KRaft broker, the embedded schema registry and an embedded PostgreSQL. Tests keep
 * apart by using their own topic and consumer group and by emptying the database first.
 */
public final class Infrastructure implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();
  /** The ADMIN_TOKEN every service in these tests runs with; {@link AuthClient} sends it. */
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  private final KafkaBroker kafka;
  private final Path registryData;
  private RegistryServer registry;
  private int registryPort;
  private boolean registryRunning = true;
  private final TestDatabase database;

  private Infrastructure() throws IOException {
    kafka = KafkaBroker.start();
    registryData = Files.createTempDirectory("auth-it-registry");
    registry = RegistryServer.start(RegistryServer.Options.of(registryData, 0));
    registryPort = registry.port();
    database = TestDatabase.start();
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public String registryUrl() {
    return registry.url();
  }

  public TestDatabase database() {
    return database;
  }

  /** A topic name no other test uses, created with {@code partitions} partitions. */
  public String newTopic(int partitions) {
    String topic = "user-events-" + NAMES.incrementAndGet();
    kafka.createTopic(topic, partitions);
    return topic;
  }

  /** auth-service's environment on these parts, for {@code topic}; {@code extra} adds or overrides settings. */
  public Map<String, String> authEnv(String topic, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", "0");
    env.put("DB_URL", database.jdbcUrl());
    env.put("DB_USER", "postgres");
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", registryUrl());
    env.put("USER_EVENTS_TOPIC", topic);
    env.put("CONSUMER_GROUP", "auth-" + topic);
    env.put("PASSWORD_HASH_ITERATIONS", "10000");
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.putAll(extra);
    return env;
  }

  /** Stops the registry: the consumer's schema lookups fail as when the registry is unreachable. */
  public void stopRegistry() throws IOException {
    registry.close();
    registryRunning = false;
  }

  /** Starts the registry again on the same port and store. */
  public void restartRegistry() throws IOException {
    registry = RegistryServer.start(new RegistryServer.Options(registryData, "127.0.0.1", registryPort, null, 0));
    registryRunning = true;
  }

  /** For a test's {@code finally}: the next test finds the registry up whatever happened. */
  public void restartRegistryIfStopped() throws IOException {
    if (!registryRunning) {
      restartRegistry();
    }
  }

  @Override
  public void close() throws Exception {
    try (KafkaBroker broker = kafka; TestDatabase db = database) {
      if (registryRunning) {
        registry.close();
      }
    }
  }

  /**
   * Resolves an {@link Infrastructure} parameter (e.g. of a {@code @BeforeAll} method) to the shared one, and
   * empties auth's database before each test.
   */
  public static final class Resolver implements ParameterResolver, BeforeEachCallback {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return shared(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
      shared(context).database().reset();
    }

    private static Infrastructure shared(ExtensionContext context) {
      return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(Infrastructure.class, key -> new Closing(start()), Closing.class).infrastructure;
    }

    private static Infrastructure start() {
      try {
        return new Infrastructure();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Closes the shared parts when the root context closes, i.e. at the end of the test run. */
  private record Closing(Infrastructure infrastructure) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      infrastructure.close();
    }
  }
}
