package dev.handshake.kafka;

/**
 * The payload is not a valid encoding of its writer schema (a union or enum index out of range, a negative
 * length, invalid UTF-8...), or a primitive schema id names a schema the registry cannot parse.
 */
public final class UnreadablePayloadException extends HandshakeSerdeException {
  UnreadablePayloadException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
