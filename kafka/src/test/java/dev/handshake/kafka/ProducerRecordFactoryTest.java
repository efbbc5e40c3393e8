package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.contract.KeyFormat;
import dev.handshake.core.gate.EventFactory;
import dev.handshake.core.gate.EventOutcome;
import dev.handshake.core.gate.ProducedRecord;
import dev.handshake.core.gate.RecordEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A producer's event factory may return Kafka's own ProducerRecord: core reads it without depending on Kafka,
 * and writes its key exactly as Kafka's serializer for the key's type does.
 */
class ProducerRecordFactoryTest {
  private static final Schema EVENT = new Schema.Parser().parse("""
      {"type": "record", "name": "UserDeleted", "fields": [{"name": "userId", "type": "string"}]}""");
  private static final Schema KEY = new Schema.Parser().parse("""
      {"type": "record", "name": "UserKey", "fields": [{"name": "tenant", "type": "string"},
       {"name": "userId", "type": "string"}]}""");

  private static EventOutcome outcomeOf(Object returned) {
    return EventOutcome.of(new EventFactory() {
      @Override
      public String source() {
        return "Factories.userDeleted()";
      }

      @Override
      public Object create() {
        return returned;
      }
    }, name -> true);
  }

  private static GenericRecord event() {
    GenericRecord event = new GenericData.Record(EVENT);
    event.put("userId", "42");
    return event;
  }

  @Test
  void aProducerRecordsKeyIsWrittenAsKafkasSerializerForItsTypeWritesIt() {
    ProducerRecord<Object, Object> record = new ProducerRecord<>("user-events", "42", event());
    record.headers().add("id", "e-1".getBytes(StandardCharsets.UTF_8)).add("type", null);

    RecordEnvelope envelope = ((EventOutcome.Record) outcomeOf(record)).envelope();

    assertThat(envelope.whole()).isTrue();
    try (StringSerializer strings = new StringSerializer()) {
      assertThat(envelope.key()).isEqualTo(strings.serialize("user-events", "42"));
    }
    assertThat(envelope.headers()).extracting(ProducedRecord.Header::name).containsExactly("id", "type");
    assertThat(envelope.headers().get(0).value()).asString(StandardCharsets.UTF_8).isEqualTo("e-1");
    assertThat(envelope.headers().get(1).value()).isNull();

    RecordEnvelope longKey = ((EventOutcome.Record) outcomeOf(new ProducerRecord<>("t", 42L, event()))).envelope();
    try (LongSerializer longs = new LongSerializer()) {
      assertThat(longKey.key()).isEqualTo(longs.serialize("t", 42L));
    }
    assertThat(KeyFormat.LONG.read(longKey.key()).longValue()).isEqualTo(42L);
  }

  @Test
  void anAvroKeyIsWrittenInTheWireFormatWithItsSchema() {
    GenericRecord key = new GenericData.Record(KEY);
    key.put("tenant", "acme");
    key.put("userId", "42");

    RecordEnvelope envelope = ((EventOutcome.Record) outcomeOf(new ProducerRecord<>("t", key, event()))).envelope();

    assertThat(envelope.keySchema()).isEqualTo(KEY);
    assertThat(WireFormat.decode(envelope.key(), KEY, KEY)).isEqualTo(key);
  }

  @Test
  void aBareValueSaysNothingAboutKeyAndHeaders() {
    assertThat(((EventOutcome.Record) outcomeOf(event())).envelope()).isEqualTo(RecordEnvelope.VALUE_ONLY);
  }

  @Test
  void aKeyOfATypeNoPrimitiveSerializerWritesFailsTheFactoryNamingTheType() {
    EventOutcome outcome = outcomeOf(new ProducerRecord<>("t", new StringBuilder("42"), event()));

    assertThat(outcome).isInstanceOf(EventOutcome.Failed.class);
    assertThat(((EventOutcome.Failed) outcome).what()).contains("java.lang.StringBuilder", "Kafka's primitive");
  }
}
