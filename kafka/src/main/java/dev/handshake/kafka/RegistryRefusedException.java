package dev.handshake.kafka;

/**
 * The registry answered and refused the request (authentication, an invalid or incompatible schema): a
 * configuration or schema problem that retrying does not fix.
 */
public final class RegistryRefusedException extends HandshakeSerdeException {
  RegistryRefusedException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
