package dev.handshake.example.users;

import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserUpdated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka record for an outbox event: key = user id (a plain UTF-8 string, so every event of a user lands on
 * one partition, in order), value = the event as Avro for Handshake's serializer, and headers {@code id} (event
 * id), {@code type} (UserCreated/UserUpdated/UserDeleted), {@code version} (the user's version) and
 * {@code position} (the outbox position: a consumer bootstrapped from the snapshot at P skips what it covers).
 */
final class RelayRecords {
  private static final Map<String, Schema> SCHEMAS = Map.of(
      "UserCreated", schemaFile(UserCreated.getClassSchema()),
      "UserUpdated", schemaFile(UserUpdated.getClassSchema()),
      "UserDeleted", schemaFile(UserDeleted.getClassSchema()));

  private RelayRecords() {}

  static ProducerRecord<String, Object> of(String topic, OutboxEvent event) {
    Schema schema = SCHEMAS.get(event.type());
    if (schema == null) {
      throw new IllegalStateException("outbox event " + event.eventId() + " has type " + event.type()
          + ", which has no schema here; known: " + SCHEMAS.keySet());
    }
    // The JSON view back to the Avro record the production code built (core's AvroJsonView round-trips).
    Object value = AvroJsonView.fromJson(event.data(), schema);
    ProducerRecord<String, Object> record = new ProducerRecord<>(topic, event.userId(), value);
    record.headers()
        .add("id", utf8(event.eventId().toString()))
        .add("type", utf8(event.type()))
        .add("version", utf8(Long.toString(event.version())))
        .add("position", utf8(Long.toString(event.position())));
    return record;
  }

  /**
   * The producer-owned schema file the class was generated from (copied to {@code user-events/} on the
   * classpath): the schema registered before deploy, which the serializer looks up; the generated class's own
   * schema differs from it by the {@code avro.java.string} properties code generation adds.
   */
  private static Schema schemaFile(Schema generated) {
    String resource = "/user-events/" + generated.getName() + ".avsc";
    try (InputStream in = RelayRecords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath; the build copies it from schemas/");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
