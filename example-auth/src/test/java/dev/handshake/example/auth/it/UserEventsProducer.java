package dev.handshake.example.auth.it;

import dev.handshake.kafka.HandshakeAvroSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes user events as user-service's relay does: the producer's own schemas (schemas/user-events), Handshake's
 * serializer with one subject per record name, key = user id, headers {@code id}, {@code type}, {@code version} and
 * {@code position}. Also sends raw bytes, for poison records.
 */
public final class UserEventsProducer implements AutoCloseable {
  private static final Path SCHEMAS = Path.of("..", "schemas", "user-events");

  private final KafkaProducer<byte[], byte[]> producer;
  private final HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
  private final String topic;
  private final AtomicLong positions = new AtomicLong();

  public UserEventsProducer(Infrastructure infrastructure, String topic) {
    this.topic = topic;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    serializer.configure(Map.of(
        "schema.registry.url", infrastructure.registryUrl(),
        "auto.register.schemas", "true",
        "value.subject.name.strategy", "RecordNameStrategy"), false);
  }

  /** One of user-service's schemas, as user-service ships it. */
  public static Schema writerSchema(String type) throws IOException {
    return new Schema.Parser().parse(Files.readString(SCHEMAS.resolve(type + ".avsc")));
  }

  /** A user event built on user-service's writer schema ({@code status} ignored for UserDeleted). */
  public static GenericRecord event(Schema schema, UUID eventId, String userId, String email, String status,
      long version) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("eventId", eventId.toString());
    record.put("userId", userId);
    record.put("email", email);
    record.put("version", version);
    record.put("occurredAt", System.currentTimeMillis());
    if (schema.getField("displayName") != null) {
      record.put("displayName", "");
    }
    if (schema.getField("status") != null) {
      record.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), status));
    }
    return record;
  }

  /** Sends a new event and returns it (so a test can send the very same event again). */
  public GenericRecord send(String type, String userId, String email, String status, long version)
      throws Exception {
    GenericRecord record = event(writerSchema(type), UUID.randomUUID(), userId, email, status, version);
    send(record);
    return record;
  }

  /** Sends {@code record} as the relay does, with the next outbox position. */
  public RecordMetadata send(GenericRecord record) throws Exception {
    return send(record, positions.incrementAndGet());
  }

  public RecordMetadata send(GenericRecord record, long position) throws Exception {
    return sendKeyed(utf8(record.get("userId").toString()), record, position);
  }

  /** Sends {@code record} under {@code key}, which a correct producer always sets to the event's user id. */
  public RecordMetadata sendKeyed(byte[] key, GenericRecord record, long position) throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("id", utf8(record.get("eventId").toString()));
    headers.add("type", utf8(record.getSchema().getName()));
    headers.add("version", utf8(record.get("version").toString()));
    headers.add("position", utf8(Long.toString(position)));
    byte[] value = serializer.serialize(topic, headers, record);
    return sendRaw(key, value, headers);
  }

  /** Sends bytes as they are: a poison record, or a record copied byte for byte. */
  public RecordMetadata sendRaw(byte[] key, byte[] value, RecordHeaders headers) throws Exception {
    return producer.send(new ProducerRecord<>(topic, null, null, key, value, headers))
        .get(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    serializer.close();
    producer.close(Duration.ofSeconds(5));
  }
}
