package dev.handshake.core.registry;

import dev.handshake.core.HandshakeException;

/**
 * The registry could not be reached or could not answer (connection refused, timeout, 5xx after retries).
 * Not an input error: adapters map it to exit code 3 and {@code MojoExecutionException}.
 */
public class RegistryUnavailableException extends HandshakeException {
  private final String url;

  public RegistryUnavailableException(String url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  public String url() {
    return url;
  }
}
