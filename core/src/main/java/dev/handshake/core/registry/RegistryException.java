package dev.handshake.core.registry;

import dev.handshake.core.InvalidInputException;

/**
 * The registry answered and refused the request for a reason the user can fix: an unknown subject, version
 * or id, an invalid schema or level, an incompatible schema, wrong credentials. The message names the URL,
 * the subject and the version involved, and what to do. {@code errorCode} is the registry's
 * {@code error_code} (0 when it sent none).
 */
public class RegistryException extends InvalidInputException {
  private final String url;
  private final int httpStatus;
  private final int errorCode;

  public RegistryException(String url, int httpStatus, int errorCode, String message) {
    super(message);
    this.url = url;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public String url() {
    return url;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }
}
