package dev.handshake.kafka;

import dev.handshake.core.avro.AvroDecodeException;
import dev.handshake.core.avro.BoundedDatumReader;
import dev.handshake.core.avro.NotWireFormatException;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.kafka.HandshakeSerdeException.SerdeContext;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's wire format: looks up the writer schema by the id in the header and resolves it to the
 * reader schema (the consumer's own from {@code handshake.reader.schemas}, the generated class's with
 * {@code specific.avro.reader}, else the writer's). {@code null} (a tombstone) stays {@code null}.
 *
 * <p>Bad bytes never crash, hang or exhaust the consumer: each failure is a typed
 * {@link HandshakeSerdeException}; only {@link RegistryUnreachableException} is transient. Lengths in the
 * payload are checked against the bytes left before anything is allocated, the array and map items of a record
 * against its budget, and nesting against a depth ({@link HandshakeSerdeConfig#decodeLimits()}).
 */
public class HandshakeAvroDeserializer implements Deserializer<Object> {
  private final SchemaRegistry givenRegistry;
  private HandshakeSerdeConfig config;
  private RegistrySchemas schemas;
  private ReaderResolution resolution;
  private BoundedCache<Integer, DatumReader<Object>> readersByWriterId;

  /** For kafka-clients, which instantiates the class and calls {@link #configure}. */
  public HandshakeAvroDeserializer() {
    this.givenRegistry = null;
  }

  /** On an existing registry client; {@code schema.registry.url} unused. */
  public HandshakeAvroDeserializer(SchemaRegistry registry, Map<String, ?> configs, boolean isKey) {
    this.givenRegistry = registry;
    configure(configs, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = HandshakeSerdeConfig.parse(configs, isKey);
    this.schemas = RegistrySchemas.of(givenRegistry, config);
    this.resolution = new ReaderResolution(config);
    this.readersByWriterId = new BoundedCache<>(config.maxSchemas());
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  @Override
  public Object deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("HandshakeAvroDeserializer is not configured: call configure(...) or let "
          + "kafka-clients create it from the consumer's properties");
    }
    SerdeContext context = SerdeContext.of(topic, data);
    int id = schemaId(data, context);
    context = context.withSchemaId(id);
    Schema writer = schemas.schemaById(id, context);
    if (ValueSchemas.isRawBytes(writer)) {
      return WireFormat.payload(data);
    }
    DatumReader<Object> reader = readersByWriterId.get(id);
    if (reader == null) {
      SerdeContext resolving = context;
      reader = readersByWriterId.computeIfAbsent(id, key -> resolution.readerFor(writer, resolving));
    }
    Object value = decode(data, reader, context);
    return writer.getType() == Schema.Type.STRING && value != null ? value.toString() : value;
  }

  private static int schemaId(byte[] data, SerdeContext context) {
    try {
      return WireFormat.schemaId(data);
    } catch (NotWireFormatException e) {
      if (e.tooShort()) {
        throw new TruncatedPayloadException(e.getMessage(), context, e);
      }
      throw new UnknownMagicByteException(e.getMessage(), context, e);
    }
  }

  private Object decode(byte[] data, DatumReader<Object> reader, SerdeContext context) {
    try {
      return WireFormat.decode(data, reader, config.failOnTrailingBytes());
    } catch (AvroDecodeException e) {
      String message = e.getMessage();
      throw switch (e.kind()) {
        case TRUNCATED -> new TruncatedPayloadException(message, context, e);
        case TRAILING_BYTES -> new TrailingBytesException(message + " (set "
            + HandshakeSerdeConfig.FAIL_ON_TRAILING_BYTES + "=false to accept them, as Confluent does)", context, e);
        case LENGTH_BEYOND_PAYLOAD -> new LengthBeyondPayloadException(message, context, e);
        case TOO_MANY_ITEMS -> new DecodeLimitExceededException(message + " (the limit is "
            + HandshakeSerdeConfig.DECODE_MAX_ITEMS + ")", context, e);
        case NESTED_TOO_DEEP -> new DecodeLimitExceededException(message + " (the limit is "
            + HandshakeSerdeConfig.DECODE_MAX_DEPTH + ")", context, e);
        case INVALID_LOGICAL_VALUE -> new InvalidLogicalValueException(message, context, e);
        case UNREADABLE -> new UnreadablePayloadException(message, context, e);
      };
    }
  }

  /** Avro readers per writer schema, following the configuration; built once per writer id and cached. */
  private static final class ReaderResolution {
    private final HandshakeSerdeConfig config;

    ReaderResolution(HandshakeSerdeConfig config) {
      this.config = config;
    }

    DatumReader<Object> readerFor(Schema writer, SerdeContext context) {
      Schema reader = configuredReader(writer, context);
      if (reader == null && config.specificReader()) {
        reader = generatedClassSchema(writer, context);
      }
      if (reader == null) {
        reader = writer;
      } else {
        ResolutionCheck.requireResolvable(writer, reader, context);
      }
      if (config.specificReader()) {
        return BoundedDatumReader.specific(writer, reader, SpecificData.getForSchema(reader),
            config.decodeLimits());
      }
      GenericData model = config.logicalTypeConverters() ? WireFormat.convertingGenericData() : GenericData.get();
      return BoundedDatumReader.generic(writer, reader, model, config.decodeLimits());
    }

    private Schema configuredReader(Schema writer, SerdeContext context) {
      try {
        return config.readerSchemas().readerFor(writer);
      } catch (dev.handshake.core.InvalidInputException e) {
        throw new NoReaderForWriterException(e.getMessage(), context, e);
      }
    }

    private static Schema generatedClassSchema(Schema writer, SerdeContext context) {
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated == null || generated == Object.class) {
        if (writer.getType() == Schema.Type.RECORD) {
          throw new NoReaderForWriterException(HandshakeSerdeConfig.SPECIFIC_AVRO_READER + " is true but no "
              + "generated class " + writer.getFullName() + " is on the classpath; generate it (avro-maven-plugin) "
              + "or read generic records", context, null);
        }
        return null;
      }
      return SpecificData.get().getSchema(generated);
    }
  }
}
