package dev.handshake.core;

/** Base of every error Handshake reports to a user; adapters map subtypes to their own failure kinds. */
public class HandshakeException extends RuntimeException {
  public HandshakeException(String message) {
    super(message);
  }

  public HandshakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
