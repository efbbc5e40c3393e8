package dev.handshake.example.users;

import dev.handshake.core.avro.AvroJsonView;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka record for an outbox event: key = user id (a plain UTF-8 string, so every event of a user lands on
 * one partition, in order), value = the event as Avro for Handshake's serializer, and headers {@code id} (event
 * id), {@code type} (UserCreated/UserUpdated/UserDeleted), {@code version} (the user's version) and
 * {@code position} (the outbox position: a consumer bootstrapped from the snapshot at P skips what it covers).
 */
final class RelayRecords {
  private RelayRecords() {}

  /** {@code schemas}: what user-service writes with ({@link EventSchemas}), the schemas registered before deploy. */
  static ProducerRecord<String, Object> of(String topic, OutboxEvent event, EventSchemas schemas) {
    Schema schema = schemas.byType().get(event.type());
    if (schema == null) {
      throw new IllegalStateException("outbox event " + event.eventId() + " has type " + event.type()
          + ", which has no schema in " + schemas.origin() + "; known: " + schemas.byType().keySet());
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

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
