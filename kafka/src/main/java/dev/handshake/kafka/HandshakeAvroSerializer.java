package dev.handshake.kafka;

import dev.handshake.core.avro.AvroEncodeException;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.registry.RestSchemaRegistry;
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
  private BoundedCache<SchemaIdentity, DatumWriter<Object>> writers;
  /** With use.latest.version: the latest version each (subject, value schema) is written with, once checked. */
  private BoundedCache<SchemaIdentity, RegistrySchemas.Latest> latestChecked;

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
    SchemaRegistry registry = givenRegistry != null ? givenRegistry : new RestSchemaRegistry(config.registry());
    this.schemas = new RegistrySchemas(registry, config.maxSchemas(), config.missingIdCacheTtlSeconds());
    this.writers = new BoundedCache<>(config.maxSchemas());
    this.latestChecked = new BoundedCache<>(config.maxSchemas());
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
    String subject = config.subjectNameStrategy().subject(topic, isKey, schema);
    Schema writeWith = schema;
    int id;
    if (!config.autoRegister() && config.useLatestVersion()) {
      SchemaIdentity key = new SchemaIdentity(subject, schema);
      RegistrySchemas.Latest latest = latestChecked.get(key);
      if (latest == null) {
        latest = checkedLatest(subject, schema, context);
        latestChecked.put(key, latest);
      }
      id = latest.id();
      writeWith = latest.schema();
    } else {
      id = schemas.idFor(subject, schema, config.autoRegister(), context);
    }
    if (ValueSchemas.isRawBytes(writeWith)) {
      return WireFormat.frame(id, data instanceof ByteBuffer buffer ? bytesOf(buffer) : (byte[]) data);
    }
    try {
      return WireFormat.encode(id, writer(writeWith, data), writeWith, data);
    } catch (AvroEncodeException e) {
      throw new InvalidRecordException(e.getMessage(), context.withSchemaId(id), e);
    }
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

  private DatumWriter<Object> writer(Schema schema, Object data) {
    SchemaIdentity key = new SchemaIdentity(data instanceof SpecificRecord ? "specific" : "generic", schema);
    DatumWriter<Object> writer = writers.get(key);
    return writer != null ? writer : writers.computeIfAbsent(key, k -> WireFormat.writerFor(schema, data));
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
