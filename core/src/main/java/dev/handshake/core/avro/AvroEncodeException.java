package dev.handshake.core.avro;

import dev.handshake.core.HandshakeException;

/** The event does not fit the writer schema it was to be written with: the producer could not send it. */
public class AvroEncodeException extends HandshakeException {
  public AvroEncodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
