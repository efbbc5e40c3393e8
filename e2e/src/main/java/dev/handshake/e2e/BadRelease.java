package dev.handshake.e2e;

import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.kafka.HandshakeAvroSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The bad user-service release of the story: {@code UserStatus} gains {@code LOCKED} (demo/enum-symbol-change.patch).
 * A registry at BACKWARD registers the new {@code UserUpdated} schema; auth's reader enum has no default, so it
 * cannot read a LOCKED user. user-service's own code has no LOCKED status (its classes are generated from the
 * schemas as they are), so this class plays the release's relay for its events: the patched schema, Handshake's
 * serializer with RecordNameStrategy, key = user id, the relay's {@code id}/{@code type}/{@code version} headers.
 */
public final class BadRelease implements AutoCloseable {
  static final String SUBJECT = "dev.handshake.example.user.UserUpdated";
  private static final String SYMBOLS = "[\"ACTIVE\", \"SUSPENDED\"]";

  private final String topic;
  private final Schema schema;
  private final KafkaProducer<byte[], byte[]> producer;
  private final HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
  private final int schemaId;

  /** Registers the release's UserUpdated schema (the registry enforces its level) and opens a producer. */
  public BadRelease(String bootstrapServers, String registryUrl, String topic, Path userEventSchemas) throws IOException {
    this.topic = topic;
    String text = lockedSchemaText(userEventSchemas);
    this.schema = new Schema.Parser().parse(text);
    this.schemaId = RestSchemaRegistry.of(registryUrl).register(SUBJECT, RegistrySchema.of(text));
    this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new ByteArraySerializer(), new ByteArraySerializer());
    serializer.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", "false",
        "value.subject.name.strategy", "RecordNameStrategy"), false);
  }

  /** UserUpdated.avsc of {@code userEventSchemas} with LOCKED added to UserStatus, as the patch does. */
  static String lockedSchemaText(Path userEventSchemas) throws IOException {
    Path file = userEventSchemas.resolve("UserUpdated.avsc");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.contains(SYMBOLS)) {
      throw new IllegalStateException(file + " no longer declares UserStatus as " + SYMBOLS
          + "; update BadRelease with demo/enum-symbol-change.patch");
    }
    return text.replace(SYMBOLS, "[\"ACTIVE\", \"SUSPENDED\", \"LOCKED\"]");
  }

  public int schemaId() {
    return schemaId;
  }

  /** Publishes that the release locked {@code userId} at {@code version}; returns the event id. */
  public UUID lock(String userId, String email, String name, long version) throws Exception {
    UUID eventId = UUID.randomUUID();
    GenericRecord event = new GenericData.Record(schema);
    event.put("eventId", eventId.toString());
    event.put("userId", userId);
    event.put("email", email);
    event.put("displayName", name);
    event.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), "LOCKED"));
    event.put("version", version);
    event.put("occurredAt", System.currentTimeMillis());
    RecordHeaders headers = new RecordHeaders();
    headers.add("id", utf8(eventId.toString()));
    headers.add("type", utf8("UserUpdated"));
    headers.add("version", utf8(Long.toString(version)));
    byte[] value = serializer.serialize(topic, headers, event);
    producer.send(new ProducerRecord<>(topic, null, null, utf8(userId), value, headers)).get(60, TimeUnit.SECONDS);
    return eventId;
  }

  @Override
  public void close() {
    serializer.close();
    producer.close(Duration.ofSeconds(10));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code --bootstrap B --registry URL --topic T --schemas DIR --user ID --email E --name N --version V}:
   * registers the release's schema, publishes one LOCKED event, prints the schema id and the event id.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    for (String required : new String[] {"--bootstrap", "--registry", "--topic", "--schemas", "--user", "--email",
        "--name", "--version"}) {
      if (!options.containsKey(required)) {
        System.err.println("bad-release: " + required + " is missing; usage: BadRelease --bootstrap B --registry URL"
            + " --topic T --schemas DIR --user ID --email E --name N --version V");
        System.exit(2);
      }
    }
    try (BadRelease release = new BadRelease(options.get("--bootstrap"), options.get("--registry"),
        options.get("--topic"), Path.of(options.get("--schemas")))) {
      UUID eventId = release.lock(options.get("--user"), options.get("--email"), options.get("--name"),
          Long.parseLong(options.get("--version")));
      System.out.println("registered " + SUBJECT + " with LOCKED as schema id " + release.schemaId()
          + "; published UserUpdated " + eventId + " (user " + options.get("--user") + " LOCKED, version "
          + options.get("--version") + ")");
    }
  }
}
