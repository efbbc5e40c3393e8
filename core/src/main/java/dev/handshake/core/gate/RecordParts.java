package dev.handshake.core.gate;

import dev.handshake.core.avro.AvroEncodeException;
import dev.handshake.core.avro.WireFormat;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * Takes apart what a factory returned: a {@link ProducedRecord}, Kafka's {@code ProducerRecord} (read
 * reflectively: core does not depend on Kafka) or a bare value. The key is written here, where the factory ran,
 * as Kafka's serializer for its Java type writes it.
 */
record RecordParts(Object value, RecordEnvelope envelope) {
  static final String KAFKA_PRODUCER_RECORD = "org.apache.kafka.clients.producer.ProducerRecord";

  /** @throws IllegalArgumentException completing "The event factory X for Y ..." */
  static RecordParts of(Object returned) {
    if (returned instanceof ProducedRecord record) {
      return whole(record.topic(), record.key(), record.value(), record.headers());
    }
    if (isKafkaRecord(returned.getClass())) {
      return whole(topicOf(call(returned, "topic")), call(returned, "key"), call(returned, "value"),
          kafkaHeaders(call(returned, "headers")));
    }
    return new RecordParts(returned, RecordEnvelope.VALUE_ONLY);
  }

  private static String topicOf(Object topic) {
    return topic == null || topic.toString().isBlank() ? null : topic.toString();
  }

  private static RecordParts whole(String topic, Object key, Object value, List<ProducedRecord.Header> headers) {
    if (value == null) {
      throw new IllegalArgumentException("returned a record without a value (a tombstone); the gate checks events");
    }
    if (key instanceof GenericContainer container) {
      Schema schema = container.getSchema();
      try {
        return new RecordParts(value, new RecordEnvelope(true, topic, WireFormat.encode(EventOutcome.LOCAL_SCHEMA_ID,
            schema, key), schema, headers));
      } catch (AvroEncodeException e) {
        throw new IllegalArgumentException("returned a key the producer could not serialize: " + e.getMessage(), e);
      }
    }
    return new RecordParts(value, new RecordEnvelope(true, topic, keyBytes(key), null, headers));
  }

  /** The bytes Kafka's serializer for the key's type writes (StringSerializer, LongSerializer...). */
  private static byte[] keyBytes(Object key) {
    if (key == null) {
      return null;
    }
    if (key instanceof byte[] bytes) {
      return bytes.clone();
    }
    if (key instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    if (key instanceof String || key instanceof UUID) {
      return key.toString().getBytes(StandardCharsets.UTF_8);
    }
    if (key instanceof Long value) {
      return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
    if (key instanceof Integer value) {
      return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }
    if (key instanceof Short value) {
      return ByteBuffer.allocate(Short.BYTES).putShort(value).array();
    }
    if (key instanceof Double value) {
      return ByteBuffer.allocate(Double.BYTES).putDouble(value).array();
    }
    if (key instanceof Float value) {
      return ByteBuffer.allocate(Float.BYTES).putFloat(value).array();
    }
    throw new IllegalArgumentException("returned a key of type " + key.getClass().getName() + ", which is not one "
        + "Kafka's primitive serializers write (String, Long, Integer, Short, Double, Float, UUID, byte[]) nor an "
        + "Avro record");
  }

  private static boolean isKafkaRecord(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(KAFKA_PRODUCER_RECORD)) {
        return true;
      }
    }
    return false;
  }

  private static List<ProducedRecord.Header> kafkaHeaders(Object headers) {
    List<ProducedRecord.Header> out = new ArrayList<>();
    if (headers instanceof Iterable<?> iterable) {
      for (Object header : iterable) {
        out.add(new ProducedRecord.Header((String) call(header, "key"), (byte[]) call(header, "value")));
      }
    }
    return out;
  }

  private static Object call(Object target, String method) {
    try {
      Method accessor = target.getClass().getMethod(method);
      accessor.setAccessible(true);
      return accessor.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("returned a " + target.getClass().getName() + " whose " + method
          + "() could not be read: " + e, e);
    }
  }
}
