package dev.handshake.core.registry;

/** Error 42203: the registry does not know the compatibility level. */
public final class InvalidCompatibilityLevelException extends RegistryException {
  public InvalidCompatibilityLevelException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
