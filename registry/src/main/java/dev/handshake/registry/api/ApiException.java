package dev.handshake.registry.api;

/** An error answer in Confluent's shape: HTTP status plus {@code {"error_code":N,"message":"..."}}. */
public final class ApiException extends Exception {
  private final int status;
  private final int errorCode;

  private final boolean worthALogLine;

  ApiException(int status, int errorCode, String message) {
    this(status, errorCode, message, false);
  }

  /** With {@code worthALogLine}, the server notes the refusal in one line (a limit an operator should see hit). */
  ApiException(int status, int errorCode, String message, boolean worthALogLine) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.worthALogLine = worthALogLine;
  }

  boolean worthALogLine() {
    return worthALogLine;
  }

  int status() {
    return status;
  }

  int errorCode() {
    return errorCode;
  }

  static ApiException subjectNotFound(String subject) {
    return new ApiException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static ApiException versionNotFound(String subject, Object version) {
    return new ApiException(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static ApiException schemaNotFound(String what) {
    return new ApiException(404, 40403, what);
  }

  static ApiException invalidSchema(String message) {
    return new ApiException(422, 42201, message);
  }

  static ApiException invalidVersion(String version) {
    return new ApiException(422, 42202, "The specified version '" + version + "' is not a valid version id. "
        + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static ApiException invalidLevel(String level) {
    return new ApiException(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are NONE, "
        + "BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
  }
}
