package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * How a consumer reads a record's key: one of Kafka's primitive serdes (the byte layouts of
 * {@code StringDeserializer}, {@code LongDeserializer}, ... which Confluent's primitive Avro-less keys use too),
 * or Avro in the Kafka wire format with the key schema the contract states. {@link #read} gives the key's JSON
 * view, the form a contract states its expected key in.
 */
public enum KeyFormat {
  STRING("string"), LONG("long"), INT("int"), SHORT("short"), DOUBLE("double"), FLOAT("float"), UUID("uuid"),
  BYTES("bytes"), AVRO("avro");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final String contractName;

  KeyFormat(String contractName) {
    this.contractName = contractName;
  }

  /** The name a contract writes in {@code handshake.keyFormat}. */
  public String contractName() {
    return contractName;
  }

  public static Optional<KeyFormat> byContractName(String name) {
    return Arrays.stream(values()).filter(f -> f.contractName.equals(name)).findFirst();
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(KeyFormat::contractName).toList());
  }

  /**
   * The JSON view of a primitive key read from {@code bytes} as the Kafka deserializer of this format reads it.
   *
   * @throws IllegalArgumentException saying why the bytes are not such a key (a length, invalid UTF-8...)
   */
  public JsonNode read(byte[] bytes) {
    return switch (this) {
      case STRING -> NODES.textNode(utf8(bytes));
      case UUID -> {
        String text = utf8(bytes);
        try {
          yield NODES.textNode(java.util.UUID.fromString(text).toString());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("\"" + text + "\" is not a UUID", e);
        }
      }
      case LONG -> NODES.numberNode(fixed(bytes, Long.BYTES).getLong());
      case INT -> NODES.numberNode(fixed(bytes, Integer.BYTES).getInt());
      case SHORT -> NODES.numberNode(fixed(bytes, Short.BYTES).getShort());
      case DOUBLE -> NODES.numberNode(fixed(bytes, Double.BYTES).getDouble());
      case FLOAT -> NODES.numberNode(fixed(bytes, Float.BYTES).getFloat());
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      case AVRO -> throw new IllegalStateException("an Avro key is read with its schemas, not here");
    };
  }

  /**
   * The bytes Kafka's serializer of this format writes for a key's JSON view: the inverse of {@link #read}, for
   * consumer tests that hand their handler the contract's example key.
   */
  public byte[] write(JsonNode key) {
    return switch (this) {
      case STRING, UUID -> key.asText().getBytes(StandardCharsets.UTF_8);
      case LONG -> ByteBuffer.allocate(Long.BYTES).putLong(key.longValue()).array();
      case INT -> ByteBuffer.allocate(Integer.BYTES).putInt(key.intValue()).array();
      case SHORT -> ByteBuffer.allocate(Short.BYTES).putShort(key.shortValue()).array();
      case DOUBLE -> ByteBuffer.allocate(Double.BYTES).putDouble(key.doubleValue()).array();
      case FLOAT -> ByteBuffer.allocate(Float.BYTES).putFloat(key.floatValue()).array();
      case BYTES -> Base64.getDecoder().decode(key.asText());
      case AVRO -> throw new IllegalStateException("an Avro key is written with its schema, not here");
    };
  }

  private ByteBuffer fixed(byte[] bytes, int size) {
    if (bytes.length != size) {
      throw new IllegalArgumentException(bytes.length + " byte(s), and a " + contractName + " key is exactly "
          + size + " (big-endian, as Kafka's " + serde() + " writes it)");
    }
    return ByteBuffer.wrap(bytes);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the bytes are not valid UTF-8", e);
    }
  }

  /** Kafka's serializer class for this format, for messages. */
  public String serde() {
    return switch (this) {
      case STRING -> "StringSerializer";
      case LONG -> "LongSerializer";
      case INT -> "IntegerSerializer";
      case SHORT -> "ShortSerializer";
      case DOUBLE -> "DoubleSerializer";
      case FLOAT -> "FloatSerializer";
      case UUID -> "UUIDSerializer";
      case BYTES -> "ByteArraySerializer";
      case AVRO -> "Avro serializer";
    };
  }
}
