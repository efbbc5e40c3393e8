package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.UnappliableEventException;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.kafka.HandshakeAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Decodes a record of the user-events topic into a {@link UserChange} with Handshake's deserializer and auth's own
 * reader schemas (chosen by the writer's record name). The same path serves the consumer and dead-letter replay,
 * so a replay after a reader-schema fix decodes exactly as the consumer now would.
 */
public final class EventDecoder implements AutoCloseable {
  public static final String POSITION_HEADER = "position";

  private final HandshakeAvroDeserializer values = new HandshakeAvroDeserializer();

  /** {@code readerSchemas}: a directory (or comma-separated .avsc files) holding auth's reader schemas. */
  public EventDecoder(String registryUrl, String readerSchemas) {
    values.configure(Map.of(
        "schema.registry.url", registryUrl,
        "specific.avro.reader", "false",
        "handshake.reader.schemas", readerSchemas), false);
  }

  /**
   * Throws {@link org.apache.kafka.common.errors.SerializationException} when the bytes cannot be decoded (transient
   * or not: see {@link Failures}) and {@link UnappliableEventException} when the event breaks auth's rules.
   */
  public synchronized UserChange decode(String topic, Headers headers, byte[] key, byte[] value) {
    Object decoded = values.deserialize(topic, headers, value);
    UserChange change = UserEvents.toChange(decoded, position(headers));
    requireKeyIsUserId(key, change);
    return change;
  }

  /** The record's key (user-service writes the user id as a UTF-8 string) must be the event's user id. */
  public static void requireKeyIsUserId(byte[] key, UserChange change) {
    if (key != null) {
      String userId = new String(key, StandardCharsets.UTF_8);
      if (!userId.equals(change.userId())) {
        throw new UnappliableEventException("The record's key '" + userId + "' is not its user id '"
            + change.userId() + "': events must be keyed by user id, or one user's events lose their order");
      }
    }
  }

  /** user-service's outbox position from the record's {@code position} header, or null when absent. */
  public static Long position(Headers headers) {
    Header header = headers.lastHeader(POSITION_HEADER);
    if (header == null || header.value() == null) {
      return null;
    }
    String text = new String(header.value(), StandardCharsets.UTF_8);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UnappliableEventException("Header " + POSITION_HEADER + " is '" + text + "', not a number");
    }
  }

  @Override
  public void close() {
    values.close();
  }
}
