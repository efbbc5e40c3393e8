package dev.handshake.example.support;

/**
 * An environment variable is missing or holds a value the service cannot use. The message is one line that
 * names the variable and says what to set it to; {@link ServiceMain} prints it and exits with code 2.
 */
public final class InvalidSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String variable;

  public InvalidSettingException(String variable, String message) {
    this(variable, message, null);
  }

  public InvalidSettingException(String variable, String message, Throwable cause) {
    super(message, cause);
    this.variable = variable;
  }

  /** The environment variable at fault, e.g. {@code HTTP_PORT}. */
  public String variable() {
    return variable;
  }
}
