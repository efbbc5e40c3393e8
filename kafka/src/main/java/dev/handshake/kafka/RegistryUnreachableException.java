package dev.handshake.kafka;

/**
 * The schema registry could not be reached or answered with a server error (5xx): the only transient
 * failure. The same bytes can succeed once the registry is back; a consumer should retry (not skip) the record.
 */
public final class RegistryUnreachableException extends HandshakeSerdeException {
  RegistryUnreachableException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
