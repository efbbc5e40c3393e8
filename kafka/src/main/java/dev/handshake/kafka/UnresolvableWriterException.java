package dev.handshake.kafka;

/**
 * Avro cannot resolve the writer schema to the reader schema (a field the reader needs has no default, a
 * type changed...): the producer broke the consumer's contract. The message carries Avro's reasons.
 */
public final class UnresolvableWriterException extends HandshakeSerdeException {
  UnresolvableWriterException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
