package dev.handshake.core.source;

import dev.handshake.core.InvalidInputException;

/** A file of the user's that cannot be used as it is (a schema, a contract); {@link #location()} says where. */
public class InvalidFileException extends InvalidInputException {
  private final Location location;

  public InvalidFileException(Location location, String message, Throwable cause) {
    super(location.render() + ": " + message, cause);
    this.location = location;
  }

  public Location location() {
    return location;
  }

  /** The message without the location prefix. */
  public String reason() {
    String full = getMessage();
    String prefix = location.render() + ": ";
    return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
  }
}
