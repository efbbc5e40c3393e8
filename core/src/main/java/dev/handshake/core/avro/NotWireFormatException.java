package dev.handshake.core.avro;

import dev.handshake.core.InvalidInputException;

/** The bytes are not a frame of the Kafka wire format: shorter than its header, or without its magic byte. */
public final class NotWireFormatException extends InvalidInputException {
  private final boolean tooShort;

  public NotWireFormatException(boolean tooShort, String message) {
    super(message);
    this.tooShort = tooShort;
  }

  /** True when the bytes end before the 5-byte header does; false when the first byte is not the magic byte. */
  public boolean tooShort() {
    return tooShort;
  }
}
