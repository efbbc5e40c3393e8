package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.avro.AvroJsonView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the relay publishes is what the production code built, byte for byte: the gate checks {@link UserEvents}
 * through the {@code @PactVerifyProvider} factories, the outbox stores the event's JSON view, and the relay
 * rebuilds the record from it with the registered schema file.
 */
class RelayRecordsTest {
  private static final UUID EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000009");
  private static final EventVersions VERSIONS = EventVersions.builtIn();
  private final UserEvents events = new UserEvents(VERSIONS.outbox(), () -> EVENT_ID,
      Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC));
  private final User grace = new User("7", "grace@example.com", "Grace", "Hopper", "SUSPENDED", 4);

  @Test
  void theRecordTheRelaySendsEncodesToTheBytesOfTheEventTheProductionCodeBuilt() throws IOException {
    for (GenericRecord built : new GenericRecord[] {events.created(grace), events.updated(grace), events.deleted(grace)}) {
      OutboxEvent stored = new OutboxEvent(12, EVENT_ID, built.getSchema().getName(), "7", 4,
          AvroJsonView.toJson(built, built.getSchema()));
      ProducerRecord<String, Object> record = RelayRecords.of("user-events.v2", EventVersion.V2, stored, VERSIONS);

      assertThat(encodeGeneric(record.value())).as(stored.type()).isEqualTo(encodeGeneric(built));
      assertThat(record.key()).isEqualTo("7");
      assertThat(record.topic()).isEqualTo("user-events.v2");
    }
  }

  @Test
  void everyVersionsRecordCarriesTheSameKeyIdTypeVersionAndPosition() {
    GenericRecord deleted = events.deleted(grace);
    OutboxEvent stored = new OutboxEvent(12, EVENT_ID, "UserDeleted", "7", (Long) deleted.get("version"),
        AvroJsonView.toJson(deleted, deleted.getSchema()));
    for (EventVersion version : EventVersion.values()) {
      ProducerRecord<String, Object> record = RelayRecords.of(version.topic("user-events"), version, stored, VERSIONS);

      assertThat(record.key()).as(version.label()).isEqualTo("7");
      assertThat(header(record, "id")).isEqualTo(EVENT_ID.toString());
      assertThat(header(record, "type")).isEqualTo("UserDeleted");
      assertThat(header(record, "version")).isEqualTo("5");
      assertThat(header(record, "position")).isEqualTo("12");
      assertThat(((GenericRecord) record.value()).getSchema().getNamespace())
          .isEqualTo(version == EventVersion.V1 ? "dev.handshake.example.user" : "dev.handshake.example.user.v2");
    }
  }

  private static String header(ProducerRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] encodeGeneric(Object value) throws IOException {
    Schema schema = ((org.apache.avro.generic.GenericContainer) value).getSchema();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<Object>(schema).write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
