package dev.handshake.core.registry;

/** Error 409: the schema breaks the subject's compatibility level (any HTTP 409, whatever its error_code: Apicurio sends 0, others 40901). */
public final class IncompatibleSchemaException extends RegistryException {
  public IncompatibleSchemaException(String url, int httpStatus, int errorCode, String message) {
    super(url, httpStatus, errorCode, message);
  }
}
