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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack demo/stack.sh runs, for one test class: {@link StackInfra} (broker, registry, both PostgreSQL) in the
 * test JVM, the schemas registered, and user-service and auth-service started from their jars on fixed loopback
 * ports (so a restarted service keeps the URL the other one has for it).
 */
final class LocalStack implements AutoCloseable {
  static final Path USER_EVENT_SCHEMAS = Path.of("..", "schemas", "user-events");
  static final Path USER_EVENT_SCHEMAS_V2 = Path.of("..", "schemas", "user-events-v2");
  static final String TOPIC = "user-events";

  final StackInfra infra;
  private final int userPort = freePort();
  private final int authPort = freePort();
  /** The stack's one admin token, as demo/stack.sh generates one. */
  private final String adminToken = java.util.UUID.randomUUID().toString();

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
        // user-service publishes v2 beside v1 by default (PUBLISHED_VERSIONS=v1,v2), to TOPIC + ".v2".
        registry.register("dev.handshake.example.user.v2." + type,
            RegistrySchema.of(Files.readString(USER_EVENT_SCHEMAS_V2.resolve(type + ".avsc"))));
      }
      infra.kafka().createTopic(TOPIC, 3);
      infra.kafka().createTopic(TOPIC + ".v2", 3);
      return new LocalStack(infra);
    } catch (IOException | RuntimeException e) {
      infra.close();
      throw e;
    }
  }

  URI userServiceUrl() {
    return URI.create("http://127.0.0.1:" + userPort);
  }

  /** user-service's API with the stack's admin token, whichever process serves it now. */
  ServiceClient userServiceClient() {
    return new ServiceClient(userServiceUrl(), adminToken);
  }

  ServiceJar startUserService() {
    return startUserService(Map.of());
  }

  /** user-service on the stack's user database, on its port; {@code extra} adds or overrides settings. */
  ServiceJar startUserService(Map<String, String> extra) {
    return ServiceJar.start("user-service", ServiceJar.USER_SERVICE, userServiceSettings(extra));
  }

  private Map<String, String> userServiceSettings(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", String.valueOf(userPort));
    env.put("DB_URL", infra.userDbUrl());
    env.put("DB_USER", "postgres");
    env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", infra.registryUrl());
    env.put("USER_EVENTS_TOPIC", TOPIC);
    env.put("OUTBOX_POLL_MS", "100");
    env.put("ADMIN_TOKEN", adminToken);
    env.putAll(extra);
    return env;
  }

  /** auth-service on the stack's auth database, on its port; {@code extra} adds or overrides settings. */
  ServiceJar startAuthService(Map<String, String> extra) {
    Map<String, String> env = AuthInstance.settings(infra.authDbUrl(), authPort, infra.kafkaBootstrapServers(),
        infra.registryUrl(), userServiceUrl().toString(), adminToken);
    env.putAll(extra);
    return ServiceJar.start("auth-service", ServiceJar.AUTH_SERVICE, env);
  }

  /**
   * One more auth-service instance on the stack's auth database and in its consumer group (as many as wanted: they
   * share the partitions), on any free port.
   */
  ServiceJar startAuthServiceSharingTheGroup() {
    Map<String, String> env = AuthInstance.settings(infra.authDbUrl(), 0, infra.kafkaBootstrapServers(),
        infra.registryUrl(), userServiceUrl().toString(), adminToken);
    return ServiceJar.start("auth-service", ServiceJar.AUTH_SERVICE, env);
  }

  /**
   * One more user-service instance on the stack's user database, on any free port; its database sessions carry
   * {@code applicationName} (pg_stat_activity's application_name) so a test can tell whose session holds a lock.
   */
  ServiceJar startUserServiceInstance(String applicationName) {
    return ServiceJar.start(applicationName, ServiceJar.USER_SERVICE, userServiceSettings(Map.of(
        "HTTP_PORT", "0", "DB_URL", userDbUrlNamed(applicationName))));
  }

  /** The user database's URL with {@code applicationName} on every session opened with it. */
  String userDbUrlNamed(String applicationName) {
    return infra.userDbUrl() + (infra.userDbUrl().contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
  }

  /** Another auth-service instance, on its own database {@code database} (created empty) and any port. */
  ServiceJar startAuthInstance(String database, Map<String, String> extra) throws Exception {
    return AuthInstance.startOnNewDatabase(ServiceJar.AUTH_SERVICE, infra.authDbUrl(), infra.kafkaBootstrapServers(),
        infra.registryUrl(), userServiceUrl().toString(), adminToken, database, extra);
  }

  /** user-service's users from its snapshot: id → email/status/version. */
  Map<String, String> userServiceUsers() throws Exception {
    return UserTables.userService(userServiceClient());
  }

  /** The live (not deleted) users auth-service holds: id → email/status/version. */
  static Map<String, String> authUsers(ServiceClient auth) throws Exception {
    return UserTables.auth(auth);
  }

  /** Waits until auth's users equal user-service's snapshot; fails with both when they never do. */
  void awaitEqual(String what, ServiceClient auth) throws Exception {
    try {
      Await.until(what, () -> authUsers(auth).equals(userServiceUsers()));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + UserTables.differences(userServiceUsers(), authUsers(auth)),
          e);
    }
  }

  /** Events user-service wrote (each once in its outbox): the number of distinct events. */
  long outboxEvents() throws Exception {
    JsonNode status = userServiceClient().get("/admin/outbox");
    return status.path("pending").asLong() + status.path("sent").asLong();
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
