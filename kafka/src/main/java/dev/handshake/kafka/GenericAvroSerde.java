package dev.handshake.kafka;

import dev.handshake.core.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Confluent's {@code GenericAvroSerde} on Handshake's serde: generic records in Confluent's wire format, for
 * Kafka Streams. Configured with the same keys as {@link HandshakeAvroSerializer} ({@code schema.registry.url},
 * {@code handshake.reader.schemas}...).
 */
public final class GenericAvroSerde extends AvroSerde<GenericRecord> {
  public GenericAvroSerde() {
    this(null);
  }

  /** On an existing registry client, shared with other serdes. */
  public GenericAvroSerde(SchemaRegistry registry) {
    super(registry, Map.of(HandshakeSerdeConfig.SPECIFIC_AVRO_READER, "false"));
  }

  @Override
  GenericRecord cast(Object value, String topic, byte[] data) {
    if (value == null || value instanceof GenericRecord) {
      return (GenericRecord) value;
    }
    throw new NoReaderForWriterException("GenericAvroSerde read a " + value.getClass().getName() + ", not a record: "
        + "the topic holds values written with a primitive schema; use HandshakeAvroDeserializer for it",
        HandshakeSerdeException.SerdeContext.of(topic, data), null);
  }
}
