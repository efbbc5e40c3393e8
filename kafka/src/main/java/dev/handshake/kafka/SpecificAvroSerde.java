package dev.handshake.kafka;

import dev.handshake.core.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Confluent's {@code SpecificAvroSerde} on Handshake's serde: generated classes in Confluent's wire format, for
 * Kafka Streams. Reads with {@code specific.avro.reader=true} whatever the configuration says, as Confluent's.
 */
public final class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {
  public SpecificAvroSerde() {
    this(null);
  }

  /** On an existing registry client, shared with other serdes. */
  public SpecificAvroSerde(SchemaRegistry registry) {
    super(registry, Map.of(HandshakeSerdeConfig.SPECIFIC_AVRO_READER, "true"));
  }

  @Override
  @SuppressWarnings("unchecked")
  T cast(Object value, String topic, byte[] data) {
    if (value == null || value instanceof SpecificRecord) {
      return (T) value;
    }
    throw new NoReaderForWriterException("SpecificAvroSerde read a " + value.getClass().getName() + ", not a "
        + "generated record: the topic holds values written with a primitive schema; use HandshakeAvroDeserializer "
        + "for it", HandshakeSerdeException.SerdeContext.of(topic, data), null);
  }
}
