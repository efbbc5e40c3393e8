package dev.handshake.core.registry;

/** Error 42202: the version is not a positive number or "latest". */
public final class InvalidVersionException extends RegistryException {
  public InvalidVersionException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
