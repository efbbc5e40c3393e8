package dev.handshake.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** auth-service from its jar on the stack, configured as demo/stack.sh configures it. */
public final class AuthInstance {
  private AuthInstance() {
  }

  /**
   * The settings auth-service gets on the stack: its database, the broker, the registry, user-service, the
   * stack's admin token.
   */
  public static Map<String, String> settings(String dbUrl, int port, String kafka, String registry,
      String userServiceUrl, String adminToken) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("DB_URL", dbUrl);
    env.put("DB_USER", "postgres");
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    env.put("SCHEMA_REGISTRY_URL", registry);
    env.put("USER_EVENTS_TOPIC", "user-events");
    env.put("USER_SERVICE_URL", userServiceUrl);
    env.put("PASSWORD_HASH_ITERATIONS", "10000");
    env.put("ADMIN_TOKEN", adminToken);
    return env;
  }

  /**
   * Another instance on a new, empty database {@code database} of the PostgreSQL at {@code authDbUrl} (whose
   * database is {@code postgres}), on any free port, in its own consumer group unless {@code extra} names one.
   */
  public static ServiceJar startOnNewDatabase(Path jar, String authDbUrl, String kafka, String registry,
      String userServiceUrl, String adminToken, String database, Map<String, String> extra) throws Exception {
    try (Connection connection = DriverManager.getConnection(authDbUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    }
    Map<String, String> env = settings(authDbUrl.replace("/postgres?", "/" + database + "?"), 0, kafka, registry,
        userServiceUrl, adminToken);
    env.put("CONSUMER_GROUP", "auth-" + database);
    env.putAll(extra);
    return ServiceJar.start("auth-service " + database, jar, env);
  }
}
