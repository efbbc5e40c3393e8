package dev.handshake.example.users;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka record for an outbox event in one published version: key = user id (a plain UTF-8 string, so every
 * event of a user lands on one partition, in order, and on the same partition number in every version's topic),
 * value = the event as Avro for Handshake's serializer, and headers {@code id} (event id), {@code type}
 * (UserCreated/UserUpdated/UserDeleted), {@code version} (the user's version) and {@code position} (the outbox
 * position: a consumer bootstrapped from the snapshot at P skips what it covers). Key and headers are the
 * same in every version: one change has one event id and one position, whichever topic a consumer reads.
 */
final class RelayRecords {
  private RelayRecords() {}

  /** {@code versions}: the schemas registered before deploy; {@code topic}: {@code version}'s topic. */
  static ProducerRecord<String, Object> of(String topic, EventVersion version, OutboxEvent event,
      EventVersions versions) {
    ProducerRecord<String, Object> record = new ProducerRecord<>(topic, event.userId(), versions.event(version, event));
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
