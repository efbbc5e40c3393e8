package dev.handshake.kafka;

/**
 * The data does not start with the magic byte 0 of Confluent's wire format: it was written by another
 * serializer (a String or JSON one, Apicurio with headers or 8-byte ids) or is not Avro at all.
 */
public final class UnknownMagicByteException extends HandshakeSerdeException {
  UnknownMagicByteException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
