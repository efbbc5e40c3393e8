package dev.handshake.kafka;

/**
 * The TLS handshake with the schema registry failed: its certificate is not signed by a CA in
 * {@code schema.registry.ssl.truststore.location}, does not name the host, or the registry wanted a client
 * certificate. A configuration error: the same record fails the same way until the settings change.
 */
public final class RegistryTlsFailedException extends HandshakeSerdeException {
  RegistryTlsFailedException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
