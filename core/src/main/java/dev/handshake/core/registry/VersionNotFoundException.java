package dev.handshake.core.registry;

/** Error 40402: the subject has no such version. */
public final class VersionNotFoundException extends RegistryException {
  public VersionNotFoundException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
