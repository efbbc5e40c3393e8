package dev.handshake.junit5;

import au.com.dius.pact.core.model.V4Interaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.contract.KeyFormat;
import dev.handshake.core.contract.MessageInteraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * The example event of a message interaction declared with {@link AvroMessageInteraction}, turned into what
 * the consumer's real handler takes: the Avro record decoded with the reader schema, a generated class, or the
 * bytes in the Kafka wire format. A consumer test passes it to the handler, as any Pact consumer test does.
 */
public final class ReceivedAvroMessage {
  /** The schema id framed into {@link #wireBytes()}: consumer tests have no registry, any id will do. */
  public static final int EXAMPLE_SCHEMA_ID = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String description;
  private final String topic;
  private final Schema readerSchema;
  private final JsonNode body;
  private final Map<String, Object> metadata;

  private ReceivedAvroMessage(String description, String topic, Schema readerSchema, JsonNode body,
                              Map<String, Object> metadata) {
    this.description = description;
    this.topic = topic;
    this.readerSchema = readerSchema;
    this.body = body;
    this.metadata = metadata;
  }

  /** Reads the message pact-jvm hands to a {@code @PactTestFor} test method. */
  public static ReceivedAvroMessage from(V4Interaction.AsynchronousMessage message) {
    String description = message.getDescription();
    Map<String, Object> metadata = message.getContents().getMetadata();
    String schemaJson = required(metadata, ContractMetadata.READER_SCHEMA, description);
    String topic = required(metadata, ContractMetadata.TOPIC, description);
    Schema schema;
    try {
      schema = new Schema.Parser().parse(schemaJson);
    } catch (SchemaParseException e) {
      throw new InvalidInputException("Message \"" + description + "\": metadata " + ContractMetadata.READER_SCHEMA
          + " is not a valid Avro schema: " + e.getMessage(), e);
    }
    Object fingerprint = metadata.get(ContractMetadata.READER_FINGERPRINT);
    if (fingerprint != null && !fingerprint.toString().equals(ContractMetadata.fingerprint(schema))) {
      throw new InvalidInputException("Message \"" + description + "\": metadata " + ContractMetadata.READER_SCHEMA
          + " does not match its " + ContractMetadata.READER_FINGERPRINT + " (" + fingerprint + "); the schema was "
          + "edited after the contract was written. Regenerate the contract from the consumer's tests.");
    }
    JsonNode body = null;
    try {
      if (message.getContents().getContents().isPresent()) {
        body = JSON.readTree(message.getContents().getContents().valueAsString());
      }
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("Message \"" + description + "\": the body is not JSON: "
          + e.getOriginalMessage(), e);
    }
    return new ReceivedAvroMessage(description, topic, schema, body, Map.copyOf(metadata));
  }

  public String description() {
    return description;
  }

  public String topic() {
    return topic;
  }

  public Schema readerSchema() {
    return readerSchema;
  }

  /** The body as the contract states it: the JSON view of the event. */
  public JsonNode json() {
    return body().deepCopy();
  }

  /** The example body; a message stated by its key and headers only has none. */
  private JsonNode body() {
    if (body == null || body.isMissingNode()) {
      throw new InvalidInputException("Message \"" + description + "\" states no body (only its key and "
          + "headers), so it has no example event; use keyBytes() and headers().");
    }
    return body;
  }

  /** The event as a GenericRecord of the reader schema (Avro's raw representation: Long for timestamps...). */
  public GenericRecord record() {
    return (GenericRecord) AvroJsonView.fromJson(body(), readerSchema);
  }

  /**
   * The event as the consumer's generated class, decoded the way a Kafka deserializer with
   * {@code specific.avro.reader=true} does (logical types converted as the class declares them). The class's
   * schema must be the contract's reader schema: otherwise the contract would describe a reader the consumer
   * does not use.
   */
  public <T extends SpecificRecord> T record(Class<T> type) {
    SpecificData model = SpecificData.getForClass(type);
    Schema classSchema = model.getSchema(type);
    if (!ContractMetadata.fingerprint(classSchema).equals(ContractMetadata.fingerprint(readerSchema))) {
      throw new InvalidInputException("Message \"" + description + "\": " + type.getName() + " was generated "
          + "from a different schema than the contract's reader schema " + readerSchema.getFullName()
          + ". Declare .readerSchema(" + type.getSimpleName() + ".getClassSchema()) so the contract states the "
          + "schema the consumer decodes with.");
    }
    byte[] framed = wireBytes();
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
        Arrays.copyOfRange(framed, WireFormat.HEADER_LENGTH, framed.length), null);
    try {
      return new SpecificDatumReader<T>(readerSchema, classSchema, model).read(null, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not decode the example of \"" + description + "\" as "
          + type.getName(), e);
    }
  }

  /**
   * The contract's example headers as the record carries them (name → UTF-8 bytes, by name), for
   * a handler that reads headers; empty when the contract states none.
   */
  public Map<String, byte[]> headers() {
    Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
    new java.util.TreeMap<>(metadata).forEach((key, value) -> {
      if (key.startsWith(MessageInteraction.HEADER_PREFIX)) {
        headers.put(key.substring(MessageInteraction.HEADER_PREFIX.length()),
            value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    return headers;
  }

  /**
   * The contract's example key as the producer's key serializer writes it (UTF-8 for a string key, 8 bytes
   * big-endian for a long, the wire format for an Avro key), or null when the contract states no key.
   */
  public byte[] keyBytes() {
    Object key = metadata.get(MessageInteraction.KEY);
    if (key == null) {
      return null;
    }
    JsonNode json = JSON.valueToTree(key);
    KeyFormat format = KeyFormat.byContractName(String.valueOf(metadata.get(MessageInteraction.KEY_FORMAT)))
        .orElseThrow(() -> new InvalidInputException("Message \"" + description + "\": metadata "
            + MessageInteraction.KEY_FORMAT + " is missing or not one of " + KeyFormat.names()));
    if (format != KeyFormat.AVRO) {
      return format.write(json);
    }
    Schema keySchema = new Schema.Parser().parse(required(metadata, MessageInteraction.KEY_SCHEMA, description));
    return WireFormat.encode(EXAMPLE_SCHEMA_ID, keySchema, AvroJsonView.fromJson(json, keySchema));
  }

  /** The event in the Kafka wire format (magic byte, schema id {@value #EXAMPLE_SCHEMA_ID}, Avro binary). */
  public byte[] wireBytes() {
    return wireBytes(EXAMPLE_SCHEMA_ID);
  }

  /** The event in the Kafka wire format with the given schema id, encoded with the reader schema. */
  public byte[] wireBytes(int schemaId) {
    return WireFormat.encode(schemaId, readerSchema, record());
  }

  private static String required(Map<String, Object> metadata, String key, String description) {
    Object value = metadata.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException("Message \"" + description + "\" has no metadata " + key + ": declare it "
          + "with AvroMessageInteraction so the contract carries the reader schema and topic.");
    }
    return value.toString();
  }
}
