package dev.handshake.core.registry;

/** Error 40401: the subject has no live versions (or was deleted). */
public final class SubjectNotFoundException extends RegistryException {
  public SubjectNotFoundException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
