package dev.handshake.core.gate;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.avro.AvroEncodeException;
import dev.handshake.core.avro.WireFormat;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * What calling one event factory gave: the event in the Kafka wire format, or why there is none. Computed where
 * the factory runs (in the forked JVM of {@link FactoryFork}, or in process) so only bytes, schema text and
 * messages cross over.
 */
public sealed interface EventOutcome {
  /** Schema id written into the frame; the gate decodes with the schemas themselves, not through a registry. */
  int LOCAL_SCHEMA_ID = 1;

  /** An Avro record the factory returned, written with its own schema. */
  record Record(byte[] wireBytes, Schema schema, RecordEnvelope envelope) implements EventOutcome {
  }

  /** Bytes the production serializer wrote; the writer schema is the producer's .avsc for the reader's record. */
  record Serialized(byte[] wireBytes, RecordEnvelope envelope) implements EventOutcome {
  }

  /** {@code what} completes "The event factory X for Y ..."; {@code fix} says what to do. */
  record Failed(String what, String fix) implements EventOutcome {
  }

  /**
   * Calls the factory and classifies the result. {@code producerCode} tells the producer's classes from
   * libraries and the JDK, so a failure points at the first frame in the producer's code.
   */
  static EventOutcome of(EventFactory factory, Predicate<String> producerCode) {
    Object value;
    try {
      value = factory.create();
    } catch (Exception | LinkageError | AssertionError e) {
      return new Failed("threw " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + FailureOrigin.describe(e, producerCode), "Fix the factory (or the production code it calls) so it "
          + "returns the event; run it alone in a unit test to see the full stack trace.");
    }
    if (value == null) {
      return new Failed("returned null", "Return the Avro event your production code builds.");
    }
    RecordParts parts;
    try {
      parts = RecordParts.of(value);
    } catch (IllegalArgumentException e) {
      return new Failed(e.getMessage(), "Return the record as the production code builds it: a ProducerRecord or "
          + "dev.handshake.core.gate.ProducedRecord with the key Kafka's serializers write, or only the event.");
    }
    value = parts.value();
    RecordEnvelope envelope = parts.envelope();
    if (value instanceof GenericContainer container) {
      Schema schema = container.getSchema();
      try {
        return new Record(WireFormat.encode(LOCAL_SCHEMA_ID, schema, value), schema, envelope);
      } catch (AvroEncodeException e) {
        return new Failed("returned an event the producer could not serialize: " + e.getMessage(),
            "Set every field without a default, with a value of the schema's type.");
      }
    }
    byte[] bytes = bytesOf(value);
    if (bytes == null) {
      return new Failed("returned a " + value.getClass().getName() + ", which is neither an Avro record nor "
          + "serialized bytes", "Return the Avro record (GenericRecord or generated class) or the byte[] the "
          + "production serializer writes.");
    }
    try {
      WireFormat.schemaId(bytes);
    } catch (InvalidInputException e) {
      return new Failed("returned bytes that are not in the Kafka wire format: " + e.getMessage(),
          "Return the bytes exactly as the Kafka serializer writes them, or return the Avro record.");
    }
    return new Serialized(bytes, envelope);
  }

  private static byte[] bytesOf(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    // pact-jvm's MessageAndMetadata carries the body as getContents(): accept it without depending on pact-jvm
    try {
      Method contents = value.getClass().getMethod("getContents");
      Object body = contents.invoke(value);
      return body instanceof byte[] bytes ? bytes : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
