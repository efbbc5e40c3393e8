package dev.handshake.kafka;

/**
 * The data ended early: shorter than the 5-byte header, or the Avro payload stopped in the middle of a value.
 */
public final class TruncatedPayloadException extends HandshakeSerdeException {
  TruncatedPayloadException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
