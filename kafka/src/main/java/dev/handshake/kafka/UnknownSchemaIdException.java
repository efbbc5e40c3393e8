package dev.handshake.kafka;

/**
 * The registry answered that the data's schema id does not exist: written against another registry, or the
 * schema was deleted permanently. Retrying does not help.
 */
public final class UnknownSchemaIdException extends HandshakeSerdeException {
  UnknownSchemaIdException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
