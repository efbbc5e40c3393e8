package dev.handshake.core.registry;

/** Error 40403: no schema has that id, or the subject holds no identical schema. */
public final class SchemaNotFoundException extends RegistryException {
  public SchemaNotFoundException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
