package dev.handshake.e2e;

import dev.handshake.testsupport.Await;
import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack demo/stack.sh runs, for one test class: {@link StackInfra} (broker, registry, both PostgreSQL) in the
 * test JVM, the schemas registered, and user-service and auth-service started from their jars on fixed loopback
 * ports (so a restarted service keeps the URL the other one has for it).
 */
final class LocalStack implements AutoCloseable {
  static final Path USER_EVENT_SCHEMAS = Path.of("..", "schemas", "user-events");
  static final String TOPIC = "user-events";

  final StackInfra infra;
  private final int userPort = freePort();
  private final int authPort = freePort();

  private LocalStack(StackInfra infra) {
    this.infra = infra;
  }

  /** Starts the infrastructure under {@code dataDir} and registers user-service's schemas, as stack.sh does. */
  static LocalStack start(Path dataDir) throws IOException {
    StackInfra infra = StackInfra.start(dataDir);
    try {
      RestSchemaRegistry registry = RestSchemaRegistry.of(infra.registryUrl());
      for (String type : List.of("UserCreated", "UserUpdated", "UserDeleted")) {
        registry.register("dev.handshake.example.user." + type,
            RegistrySchema.of(Files.readString(USER_EVENT_SCHEMAS.resolve(type + ".avsc"))));
      }
      infra.kafka().createTopic(TOPIC, 3);
      return new LocalStack(infra);
    } catch (IOException | RuntimeException e) {
      infra.close();
      throw e;
    }
  }

  URI userServiceUrl() {
    return URI.create("http://127.0.0.1:" + userPort);
  }

  ServiceJar startUserService() {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", String.valueOf(userPort));
    env.put("DB_URL", infra.userDbUrl());
    env.put("DB_USER", "postgres");
    env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", infra.registryUrl());
    env.put("USER_EVENTS_TOPIC", TOPIC);
    env.put("OUTBOX_POLL_MS", "100");
    return ServiceJar.start("user-service", ServiceJar.USER_SERVICE, env);
  }

  /** auth-service on the stack's auth database, on its port; {@code extra} adds or overrides settings. */
  ServiceJar startAuthService(Map<String, String> extra) {
    return startAuthService(infra.authDbUrl(), authPort, extra);
  }

  /** Another auth-service instance, on its own database {@code database} (created empty) and any port. */
  ServiceJar startAuthInstance(String database, Map<String, String> extra) throws Exception {
    try (Connection connection = DriverManager.getConnection(infra.authDbUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    }
    Map<String, String> env = new HashMap<>(extra);
    env.putIfAbsent("CONSUMER_GROUP", "auth-" + database);
    return startAuthService(infra.authDbUrl().replace("/postgres?", "/" + database + "?"), 0, env);
  }

  private ServiceJar startAuthService(String dbUrl, int port, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("DB_URL", dbUrl);
    env.put("DB_USER", "postgres");
    env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", infra.registryUrl());
    env.put("USER_EVENTS_TOPIC", TOPIC);
    env.put("USER_SERVICE_URL", userServiceUrl().toString());
    env.put("PASSWORD_HASH_ITERATIONS", "10000");
    env.putAll(extra);
    return ServiceJar.start("auth-service", ServiceJar.AUTH_SERVICE, env);
  }

  /** user-service's users from its snapshot: id → email/status/version. */
  Map<String, String> userServiceUsers() throws Exception {
    Map<String, String> users = new TreeMap<>();
    for (JsonNode user : new ServiceClient(userServiceUrl()).get("/users/snapshot").path("users")) {
      users.put(user.path("id").asText(), row(user));
    }
    return users;
  }

  /** The live (not deleted) users auth-service holds: id → email/status/version. */
  static Map<String, String> authUsers(ServiceClient auth) throws Exception {
    Map<String, String> users = new TreeMap<>();
    String after = "";
    while (true) {
      JsonNode page = auth.get("/users?limit=1000" + (after.isEmpty() ? "" : "&after=" + after)).path("users");
      for (JsonNode user : page) {
        if (!user.path("deleted").asBoolean()) {
          users.put(user.path("id").asText(), row(user));
        }
        after = user.path("id").asText();
      }
      if (page.size() < 1000) {
        return users;
      }
    }
  }

  /** Waits until auth's users equal user-service's snapshot; fails with both when they never do. */
  void awaitEqual(String what, ServiceClient auth) throws Exception {
    try {
      Await.until(what, () -> authUsers(auth).equals(userServiceUsers()));
    } catch (AssertionError e) {
      Map<String, String> expected = userServiceUsers();
      Map<String, String> actual = authUsers(auth);
      Map<String, String> differing = new TreeMap<>();
      expected.forEach((id, row) -> {
        if (!row.equals(actual.get(id))) {
          differing.put(id, "user-service " + row + " / auth " + actual.get(id));
        }
      });
      actual.keySet().stream().filter(id -> !expected.containsKey(id))
          .forEach(id -> differing.put(id, "only in auth: " + actual.get(id)));
      throw new AssertionError(e.getMessage() + "; " + differing.size() + " users differ, e.g. "
          + differing.entrySet().stream().limit(5).toList(), e);
    }
  }

  /** Events user-service wrote (each once in its outbox): the number of distinct events. */
  long outboxEvents() throws Exception {
    JsonNode status = new ServiceClient(userServiceUrl()).get("/admin/outbox");
    return status.path("pending").asLong() + status.path("sent").asLong();
  }

  private static String row(JsonNode user) {
    return user.path("email").asText() + "/" + user.path("status").asText() + "/v" + user.path("version").asLong();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    infra.close();
  }
}
