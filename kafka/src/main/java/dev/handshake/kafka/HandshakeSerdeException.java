package dev.handshake.kafka;

import java.util.HexFormat;
import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Base of every error the Handshake serde throws. The message names the topic, the schema id and the first
 * bytes in hex when they are known; the consumer adds partition and offset by wrapping it in Kafka's
 * {@code RecordDeserializationException}. {@link #isTransient()} is true only when retrying the same bytes
 * later can succeed (the registry could not be reached): everything else fails the same way every time, so
 * a consumer should skip the record (dead-letter it) instead of retrying.
 */
public class HandshakeSerdeException extends SerializationException {
  private static final int HEX_PREFIX_BYTES = 16;

  private final String topic;
  private final int schemaId;
  private final String firstBytesHex;

  protected HandshakeSerdeException(String message, SerdeContext context, Throwable cause) {
    super(message + context.describe(), cause);
    this.topic = context.topic();
    this.schemaId = context.schemaId();
    this.firstBytesHex = SerdeContext.hex(context.data());
  }

  /** True when the same bytes may succeed later (registry unreachable); false for permanent failures. */
  public boolean isTransient() {
    return false;
  }

  /** The topic, or null when the serde was called without one. */
  public String topic() {
    return topic;
  }

  /** The schema id of the frame, when the header could be read. */
  public OptionalInt schemaId() {
    return schemaId == SerdeContext.NO_ID ? OptionalInt.empty() : OptionalInt.of(schemaId);
  }

  /** Up to the first 16 bytes of the data, in hex; null when there were none (serialization). */
  public String firstBytesHex() {
    return firstBytesHex;
  }

  /**
   * Where an error happened: the topic, the schema id if known and the data (formatted only when an exception
   * is built, so a record that decodes pays nothing for it).
   */
  record SerdeContext(String topic, int schemaId, byte[] data) {
    static final int NO_ID = Integer.MIN_VALUE;

    static SerdeContext of(String topic) {
      return new SerdeContext(topic, NO_ID, null);
    }

    static SerdeContext of(String topic, byte[] data) {
      return new SerdeContext(topic, NO_ID, data);
    }

    SerdeContext withSchemaId(int id) {
      return new SerdeContext(topic, id, data);
    }

    String describe() {
      StringBuilder text = new StringBuilder(" [topic ").append(topic == null ? "(none)" : topic);
      if (schemaId != NO_ID) {
        text.append(", schema id ").append(schemaId);
      }
      if (data != null) {
        text.append(", first bytes ").append(hex(data));
      }
      return text.append(']').toString();
    }

    static String hex(byte[] data) {
      if (data == null) {
        return null;
      }
      int shown = Math.min(data.length, HEX_PREFIX_BYTES);
      String hex = HexFormat.ofDelimiter(" ").formatHex(data, 0, shown);
      return data.length > shown ? hex + " ... (" + data.length + " bytes)" : hex + " (" + data.length + " bytes)";
    }
  }
}
