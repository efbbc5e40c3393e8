package dev.handshake.example.users;

import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.Settings;
import dev.handshake.kafka.HandshakeAvroSerializer;
import dev.handshake.kafka.HandshakeSerdeConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's Kafka producer, from {@code KAFKA_BOOTSTRAP_SERVERS} and {@code SCHEMA_REGISTRY_URL}: idempotent,
 * {@code acks=all}, values in Handshake's wire format with schemas registered before deploy (never
 * auto-registered) under their record names, as in {@code schemas/history}.
 */
final class RelayProducer {
  private RelayProducer() {}

  /** The producer's properties, or empty when {@code KAFKA_BOOTSTRAP_SERVERS} is unset (the relay is off). */
  static Optional<Map<String, Object>> properties(Settings settings) {
    Optional<String> bootstrap = settings.hostPorts("KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrap.isEmpty()) {
      return Optional.empty();
    }
    String registry = settings.required("SCHEMA_REGISTRY_URL", "set it to the schema registry's URL, e.g. "
        + "http://127.0.0.1:8081 (needed with KAFKA_BOOTSTRAP_SERVERS: the relay writes with registered schemas)");
    if (!registry.startsWith("http://") && !registry.startsWith("https://") || !validUri(registry)) {
      throw new InvalidSettingException("SCHEMA_REGISTRY_URL", "SCHEMA_REGISTRY_URL=" + registry
          + " is not valid: set it to an http:// or https:// URL");
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap.get());
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "user-service-relay");
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // The relay sends up to RELAY_BATCH_SIZE records and flushes: bigger produce batches than the default 16 KiB
    // mean fewer requests for the broker to handle per relay batch (the broker's CPU is a third of the pipeline's).
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    properties.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, registry);
    properties.put(HandshakeSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    properties.put(HandshakeSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy");
    return Optional.of(properties);
  }

  static Producer<String, Object> create(Map<String, Object> properties) {
    return new KafkaProducer<>(properties, new StringSerializer(), serializer(properties));
  }

  private static HandshakeAvroSerializer serializer(Map<String, Object> properties) {
    HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
    serializer.configure(properties, false);
    return serializer;
  }

  private static boolean validUri(String value) {
    try {
      return URI.create(value).getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
