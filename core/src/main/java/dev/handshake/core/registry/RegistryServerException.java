package dev.handshake.core.registry;

/**
 * The registry answered with a server error (HTTP 5xx; Confluent's 50001 backend store, 50002 timeout,
 * 50003 forwarding to the primary) and kept doing so after the retries.
 */
public final class RegistryServerException extends RegistryUnavailableException {
  private final int httpStatus;
  private final int errorCode;

  public RegistryServerException(String url, int httpStatus, int errorCode, String message) {
    super(url, message, null);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }
}
