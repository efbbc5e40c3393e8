package dev.handshake.core.avro;

import dev.handshake.core.HandshakeException;

/** Avro could not resolve the written data for the reader schema: what a consumer's deserializer would hit. */
public class AvroDecodeException extends HandshakeException {
  public AvroDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
