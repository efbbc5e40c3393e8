package dev.handshake.example.auth;

import dev.handshake.example.auth.consume.UserEventsTopic;
import dev.handshake.example.auth.login.LoginThrottle;
import dev.handshake.example.auth.login.PasswordHasher;
import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/**
 * auth-service's own settings (the database and HTTP ones are read by example-support). Every wrong value is an
 * {@link InvalidSettingException} naming the variable.
 */
record AuthSettings(Optional<String> kafkaBootstrapServers, Optional<String> registryUrl, String topic,
    String consumerGroup, Optional<URI> userServiceUrl, Optional<String> readerSchemasDir, boolean pullFeed,
    boolean bootstrapFromSnapshot, Optional<Duration> reconcileEvery, int passwordIterations, int loginMaxFailures,
    Duration loginLock, int loginConcurrency) {

  /** user-service's default port, for the examples in messages. */
  private static final int USER_SERVICE_PORT = 8091;

  static AuthSettings read(Settings settings) {
    Optional<String> kafka = settings.hostPorts("KAFKA_BOOTSTRAP_SERVERS");
    Optional<String> registry = settings.httpUrl("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081").map(URI::toString);
    Optional<URI> userService = settings.httpUrl("USER_SERVICE_URL", "http://127.0.0.1:" + USER_SERVICE_PORT);
    String source = settings.text("EVENT_SOURCE", "kafka");
    if (!source.equals("kafka") && !source.equals("feed")) {
      throw new InvalidSettingException("EVENT_SOURCE", "EVENT_SOURCE=" + source
          + " is not valid: set it to kafka (the topic) or feed (user-service's GET /events)");
    }
    boolean feed = source.equals("feed");
    if (feed && userService.isEmpty()) {
      throw new InvalidSettingException("USER_SERVICE_URL", "EVENT_SOURCE=feed needs USER_SERVICE_URL: set it to "
          + "user-service's root URL, e.g. http://127.0.0.1:" + USER_SERVICE_PORT);
    }
    if (!feed && kafka.isPresent() && registry.isEmpty()) {
      throw new InvalidSettingException("SCHEMA_REGISTRY_URL", "SCHEMA_REGISTRY_URL is not set: the consumer "
          + "needs the registry that holds user-service's schemas, e.g. http://127.0.0.1:8081");
    }
    String bootstrap = settings.text("BOOTSTRAP", "none");
    if (!bootstrap.equals("none") && !bootstrap.equals("snapshot")) {
      throw new InvalidSettingException("BOOTSTRAP", "BOOTSTRAP=" + bootstrap
          + " is not valid: set it to snapshot (seed an empty database from user-service) or none");
    }
    Optional<String> readerSchemas = settings.path("READER_SCHEMAS_DIR").map(path -> {
      if (!Files.isDirectory(path)) {
        throw new InvalidSettingException("READER_SCHEMAS_DIR", "READER_SCHEMAS_DIR=" + path
            + " is not valid: set it to a directory of .avsc reader schemas, or unset it for the ones auth ships");
      }
      return path.toAbsolutePath().toString();
    });
    long reconcileMillis = settings.atLeast("RECONCILE_INTERVAL_MS", 0, 0);
    return new AuthSettings(kafka, registry, userEventsTopic(settings),
        settings.text("CONSUMER_GROUP", "auth-service"), userService, readerSchemas, feed,
        bootstrap.equals("snapshot"),
        reconcileMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(reconcileMillis)),
        (int) settings.atLeast("PASSWORD_HASH_ITERATIONS", PasswordHasher.DEFAULT_ITERATIONS, 1_000),
        (int) settings.atLeast("LOGIN_MAX_FAILURES", LoginThrottle.DEFAULT_MAX_FAILURES, 1),
        Duration.ofMillis(settings.atLeast("LOGIN_LOCK_MS", LoginThrottle.DEFAULT_LOCK.toMillis(), 1)),
        (int) settings.atLeast("LOGIN_CONCURRENCY", Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 1));
  }

  /** The topic also picks the reader schemas auth ships ({@link UserEventsTopic}): refused when it has none. */
  private static String userEventsTopic(Settings settings) {
    String topic = settings.text("USER_EVENTS_TOPIC", "user-events");
    try {
      UserEventsTopic.of(topic);
    } catch (IllegalArgumentException unknownVersion) {
      throw new InvalidSettingException("USER_EVENTS_TOPIC", "USER_EVENTS_TOPIC=" + topic + " is not valid: "
          + unknownVersion.getMessage());
    }
    return topic;
  }

  /** The version of user-service's events the topic carries: auth's shipped reader schemas for it. */
  int eventsVersion() {
    return UserEventsTopic.of(topic).version();
  }
}
