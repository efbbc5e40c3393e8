package dev.handshake.kafka;

/**
 * Avro decoded a complete value but bytes were left over: the data was not written with the schema its id
 * names. Checked unless {@code handshake.fail.on.trailing.bytes=false}.
 */
public final class TrailingBytesException extends HandshakeSerdeException {
  TrailingBytesException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
