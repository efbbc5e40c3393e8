package dev.handshake.kafka;

/**
 * The value given to the serializer cannot be written: not a type the serde writes (records, enums, fixed,
 * arrays, maps, primitives), or not matching its own schema.
 */
public final class InvalidRecordException extends HandshakeSerdeException {
  InvalidRecordException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
