package dev.handshake.core.registry;

/**
 * The TLS handshake with the registry failed for a reason the user fixes in the configuration: its certificate
 * is not signed by a trusted CA, or does not name the host. Not retried: the next attempt would fail the same way.
 */
public class RegistryTlsException extends RegistryException {
  public RegistryTlsException(String url, String message) {
    super(url, 0, 0, message);
  }
}
