package dev.handshake.core.contract;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.report.Location;

/** A contract file that is not a readable Pact V4 message contract; {@link #location()} says where. */
public class ContractInvalidException extends InvalidInputException {
  private final Location location;

  public ContractInvalidException(Location location, String message, Throwable cause) {
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
