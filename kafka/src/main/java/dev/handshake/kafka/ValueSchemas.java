package dev.handshake.kafka;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * The schema a value is written with, as Confluent's serializer chooses it: a record, enum, fixed or array
 * carries its own; Java primitives, strings and bytes map to Avro's primitive schemas, so primitive keys and
 * values are interchangeable with Confluent's.
 */
final class ValueSchemas {
  private static final Map<Class<?>, Schema> PRIMITIVES = Map.of(
      Boolean.class, Schema.create(Schema.Type.BOOLEAN),
      Integer.class, Schema.create(Schema.Type.INT),
      Long.class, Schema.create(Schema.Type.LONG),
      Float.class, Schema.create(Schema.Type.FLOAT),
      Double.class, Schema.create(Schema.Type.DOUBLE),
      byte[].class, Schema.create(Schema.Type.BYTES));
  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

  private ValueSchemas() {
  }

  /** The schema of {@code value}, or null when the serde cannot write such a value. */
  static Schema of(Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    if (value instanceof CharSequence) {
      return STRING;
    }
    if (value instanceof ByteBuffer) {
      return BYTES;
    }
    return PRIMITIVES.get(value.getClass());
  }

  /** Confluent writes a {@code bytes} value as is after the header, not Avro-encoded with a length prefix. */
  static boolean isRawBytes(Schema schema) {
    return schema.getType() == Schema.Type.BYTES;
  }
}
