package dev.handshake.e2e;

import dev.handshake.registry.RegistryServer;
import dev.handshake.testsupport.KafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The infrastructure of the local stack in one JVM: a KRaft broker, Handshake's registry and the two services'
 * own PostgreSQL servers (embedded), all on loopback with their data under one directory, kept across restarts
 * (each part takes its last port again when it is still free). {@link #main} is what {@code demo/stack.sh} runs;
 * the scenario tests use the same class in their own JVM, which also lets them lose the broker's data.
 */
public final class StackInfra implements AutoCloseable {
  private static final String PORT_FILE = "handshake-stack.port";

  private final Path dataDir;
  private KafkaBroker kafka;
  private final RegistryServer registry;
  private final EmbeddedPostgres userDb;
  private final EmbeddedPostgres authDb;

  private StackInfra(Path dataDir, KafkaBroker kafka, RegistryServer registry, EmbeddedPostgres userDb,
      EmbeddedPostgres authDb) {
    this.dataDir = dataDir;
    this.kafka = kafka;
    this.registry = registry;
    this.userDb = userDb;
    this.authDb = authDb;
  }

  /** Starts every part on {@code dataDir}; a part that fails stops the ones already started. */
  public static StackInfra start(Path dataDir) {
    KafkaBroker kafka = null;
    RegistryServer registry = null;
    EmbeddedPostgres userDb = null;
    try {
      Files.createDirectories(dataDir);
      kafka = KafkaBroker.start(dataDir.resolve("kafka"));
      Path registryDir = dataDir.resolve("registry");
      registry = RegistryServer.start(new RegistryServer.Options(registryDir, "127.0.0.1",
          previousPort(registryDir), null, 0));
      remember(registryDir, registry.port());
      userDb = postgres("user-db", dataDir.resolve("user-db"));
      EmbeddedPostgres authDb = postgres("auth-db", dataDir.resolve("auth-db"));
      return new StackInfra(dataDir, kafka, registry, userDb, authDb);
    } catch (IOException | RuntimeException | Error e) {
      closeQuietly(userDb);
      closeQuietly(registry);
      if (kafka != null) {
        kafka.close();
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) e;
    }
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public String registryUrl() {
    return registry.url();
  }

  public String userDbUrl() {
    return userDb.getJdbcUrl("postgres", "postgres");
  }

  public String authDbUrl() {
    return authDb.getJdbcUrl("postgres", "postgres");
  }

  /**
   * The broker loses its data: it stops, its log directory is deleted, and a new empty broker starts on the
   * same address (clients reconnect to it as to a broker restored from nothing).
   */
  public void loseBrokerData() {
    int port = kafka.port();
    Path logDir = kafka.logDir();
    kafka.close();
    deleteRecursively(logDir);
    kafka = KafkaBroker.start(logDir, port);
  }

  @Override
  public void close() {
    try {
      closeQuietly(authDb);
      closeQuietly(userDb);
      closeQuietly(registry);
    } finally {
      kafka.close();
    }
  }

  private static EmbeddedPostgres postgres(String name, Path directory) throws IOException {
    Files.createDirectories(directory);
    // initdb runs only when the directory holds no cluster yet: a restart keeps the data.
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory)
        .setCleanDataDirectory(false).setRegisterShutdownHook(true);
    int port = previousPort(directory);
    if (port != 0) {
      builder.setPort(port);
    }
    try {
      EmbeddedPostgres postgres = builder.start();
      remember(directory, postgres.getPort());
      return postgres;
    } catch (IOException e) {
      throw new IOException(name + " (PostgreSQL under " + directory + ") did not start: " + e.getMessage(), e);
    }
  }

  private static int previousPort(Path directory) {
    Path file = directory.resolve(PORT_FILE);
    try {
      if (Files.isRegularFile(file)) {
        int port = Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim());
        return isFree(port) ? port : 0;
      }
    } catch (IOException | NumberFormatException e) {
      // A missing or damaged port file only means a new port.
    }
    return 0;
  }

  private static boolean isFree(int port) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void remember(Path directory, int port) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(PORT_FILE), String.valueOf(port), StandardCharsets.UTF_8);
  }

  private static void closeQuietly(java.io.Closeable part) {
    if (part != null) {
      try {
        part.close();
      } catch (IOException e) {
        System.err.println("stack: " + part + " did not stop cleanly: " + e.getMessage());
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the broker's log directory " + dir, e);
    }
  }

  /**
   * {@code --data-dir DIR}: starts the parts, prints one {@code NAME VALUE} line per endpoint and then
   * {@code ready}; stops them on SIGTERM. Exit 2 on bad arguments, 3 when a part does not start.
   */
  public static void main(String[] args) {
    Optional<Path> dataDir = args.length == 2 && args[0].equals("--data-dir")
        ? Optional.of(Path.of(args[1])) : Optional.empty();
    if (dataDir.isEmpty()) {
      System.err.println("usage: StackInfra --data-dir DIR");
      System.exit(2);
      return;
    }
    StackInfra infra;
    try {
      infra = start(dataDir.get().toAbsolutePath());
    } catch (RuntimeException | Error e) {
      // The broker's non-daemon threads would keep a failed launcher alive: exit explicitly.
      System.err.println("stack infra: cannot start: " + e);
      e.printStackTrace();
      System.exit(3);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      infra.close();
      stopped.countDown();
    }, "stack-infra-shutdown"));
    System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + infra.kafkaBootstrapServers());
    System.out.println("SCHEMA_REGISTRY_URL=" + infra.registryUrl());
    System.out.println("USER_DB_URL=" + infra.userDbUrl());
    System.out.println("AUTH_DB_URL=" + infra.authDbUrl());
    System.out.println("ready");
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
