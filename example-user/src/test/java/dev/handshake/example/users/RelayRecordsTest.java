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
  private final UserEvents events = new UserEvents(EventSchemas.builtIn(), () -> EVENT_ID,
      Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC));
  private final User grace = new User("7", "grace@example.com", "Grace", "SUSPENDED", 4);

  @Test
  void theRecordTheRelaySendsEncodesToTheBytesOfTheEventTheProductionCodeBuilt() throws IOException {
    for (GenericRecord built : new GenericRecord[] {events.created(grace), events.updated(grace), events.deleted(grace)}) {
      OutboxEvent stored = new OutboxEvent(12, EVENT_ID, built.getSchema().getName(), "7", 4,
          AvroJsonView.toJson(built, built.getSchema()));
      ProducerRecord<String, Object> record = RelayRecords.of("user-events", stored, EventSchemas.builtIn());

      assertThat(encodeGeneric(record.value())).as(stored.type()).isEqualTo(encodeGeneric(built));
      assertThat(record.key()).isEqualTo("7");
      assertThat(record.topic()).isEqualTo("user-events");
    }
  }

  @Test
  void theHeadersCarryIdTypeVersionAndPosition() {
    GenericRecord deleted = events.deleted(grace);
    OutboxEvent stored = new OutboxEvent(12, EVENT_ID, "UserDeleted", "7", (Long) deleted.get("version"),
        AvroJsonView.toJson(deleted, deleted.getSchema()));
    ProducerRecord<String, Object> record = RelayRecords.of("user-events", stored, EventSchemas.builtIn());

    assertThat(header(record, "id")).isEqualTo(EVENT_ID.toString());
    assertThat(header(record, "type")).isEqualTo("UserDeleted");
    assertThat(header(record, "version")).isEqualTo("5");
    assertThat(header(record, "position")).isEqualTo("12");
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
