package dev.handshake.kafka;

import dev.handshake.core.avro.AvroEncodeException;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.kafka.HandshakeSerdeException.SerdeContext;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values (generic or specific records, enums, fixed, arrays, maps, and Java primitives) in
 * Confluent's wire format: magic byte 0, the schema's registry id, the Avro binary encoding. Configured with
 * Confluent's keys (see {@link HandshakeSerdeConfig}); {@code null} stays {@code null} (a tombstone).
 *
 * <pre>{@code
 * props.put("value.serializer", HandshakeAvroSerializer.class.getName());
 * props.put("schema.registry.url", "http://localhost:8081");
 * }</pre>
 */
public class HandshakeAvroSerializer implements Serializer<Object> {
  private final SchemaRegistry givenRegistry;
  private HandshakeSerdeConfig config;
  private boolean isKey;
  private RegistrySchemas schemas;
  /** Per (topic, schema instance): everything a record needs, so the per-record path is one lookup. */
  private BoundedCache<SchemaIdentity, Target> targets;

  /** The id and schema a value is written with, and the writers for it (built on first use). */
  private static final class Target {
    final int id;
    final Schema writeWith;
    DatumWriter<Object> genericWriter;
    DatumWriter<Object> specificWriter;

    Target(int id, Schema writeWith) {
      this.id = id;
      this.writeWith = writeWith;
    }

    DatumWriter<Object> writerFor(Object data, boolean convertLogicalTypes) {
      // A benign race: two threads may each build a writer once; either is correct.
      if (data instanceof SpecificRecord) {
        if (specificWriter == null) {
          specificWriter = WireFormat.writerFor(writeWith, data, true);
        }
        return specificWriter;
      }
      if (genericWriter == null) {
        genericWriter = WireFormat.writerFor(writeWith, data, convertLogicalTypes);
      }
      return genericWriter;
    }
  }

  /** For kafka-clients, which instantiates the class and calls {@link #configure}. */
  public HandshakeAvroSerializer() {
    this.givenRegistry = null;
  }

  /** On an existing registry client (shared between serdes, or a test's); {@code schema.registry.url} unused. */
  public HandshakeAvroSerializer(SchemaRegistry registry, Map<String, ?> configs, boolean isKey) {
    this.givenRegistry = registry;
    configure(configs, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = HandshakeSerdeConfig.parse(configs, isKey);
    this.isKey = isKey;
    this.schemas = RegistrySchemas.of(givenRegistry, config);
    this.targets = new BoundedCache<>(config.maxSchemas());
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    return serialize(topic, null, data);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, Object data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("HandshakeAvroSerializer is not configured: call configure(...) or let "
          + "kafka-clients create it from the producer's properties");
    }
    SerdeContext context = SerdeContext.of(topic);
    Schema schema = ValueSchemas.of(data);
    if (schema == null) {
      throw new InvalidRecordException("Cannot write a " + data.getClass().getName() + " as Avro: give a generic or "
          + "specific record, an enum, fixed, array or map with its schema, or a primitive (Boolean, Integer, Long, "
          + "Float, Double, CharSequence, byte[], ByteBuffer)", context, null);
    }
    SchemaIdentity key = new SchemaIdentity(topic, schema);
    Target target = targets.get(key);
    if (target == null) {
      target = target(topic, schema, context);
      targets.put(key, target);
    }
    if (ValueSchemas.isRawBytes(target.writeWith)) {
      return WireFormat.frame(target.id, data instanceof ByteBuffer buffer ? bytesOf(buffer) : (byte[]) data);
    }
    try {
      DatumWriter<Object> writer = target.writerFor(data, config.logicalTypeConverters());
      return WireFormat.encode(target.id, writer, target.writeWith, data);
    } catch (AvroEncodeException e) {
      throw new InvalidRecordException(e.getMessage(), context.withSchemaId(target.id), e);
    }
  }

  /** Registers or looks up the schema (or the subject's latest version) once per topic and schema instance. */
  private Target target(String topic, Schema schema, SerdeContext context) {
    String subject = config.subjectNameStrategy().subject(topic, isKey, schema);
    if (!config.autoRegister() && config.useLatestVersion()) {
      RegistrySchemas.Latest latest = checkedLatest(subject, schema, context);
      return new Target(latest.id(), latest.schema());
    }
    return new Target(schemas.idFor(subject, schema, config.autoRegister(), context), schema);
  }

  private RegistrySchemas.Latest checkedLatest(String subject, Schema schema, SerdeContext context) {
    RegistrySchemas.Latest latest = schemas.latest(subject, context);
    if (config.latestCompatibilityStrict() && !latest.schema().equals(schema) && !canRead(latest.schema(), schema)) {
      throw new InvalidRecordException("The latest version of subject \"" + subject + "\" (id " + latest.id()
          + ") cannot read " + schema.getFullName() + " as the value is built, so writing it with that version "
          + "would change its meaning; set " + HandshakeSerdeConfig.LATEST_COMPATIBILITY_STRICT + "=false to "
          + "write anyway", context.withSchemaId(latest.id()), null);
    }
    return latest;
  }

  private static boolean canRead(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
