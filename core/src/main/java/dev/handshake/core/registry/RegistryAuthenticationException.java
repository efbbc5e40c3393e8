package dev.handshake.core.registry;

/** Error 401: the registry refused the credentials (HTTP 401 or 403). */
public final class RegistryAuthenticationException extends RegistryException {
  public RegistryAuthenticationException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
