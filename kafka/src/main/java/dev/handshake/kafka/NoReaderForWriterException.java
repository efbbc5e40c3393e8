package dev.handshake.kafka;

/**
 * Several reader schemas are configured ({@code handshake.reader.schemas}) and none has the writer's full
 * name (or an alias of it): the topic carries an event type this consumer does not know.
 */
public final class NoReaderForWriterException extends HandshakeSerdeException {
  NoReaderForWriterException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
