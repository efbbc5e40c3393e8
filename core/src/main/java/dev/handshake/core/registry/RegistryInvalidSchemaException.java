package dev.handshake.core.registry;

/** Error 42201: the registry could not parse the schema or resolve its references. */
public final class RegistryInvalidSchemaException extends RegistryException {
  public RegistryInvalidSchemaException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
