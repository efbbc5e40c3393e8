package dev.handshake.core;

/**
 * Input a user can fix: a missing file, malformed JSON, an invalid schema, an unknown option value.
 * The message names the file, subject, field or parameter and says what to do.
 */
public class InvalidInputException extends HandshakeException {
  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
