package dev.handshake.core.contract;

import dev.handshake.core.source.InvalidFileException;
import dev.handshake.core.source.Location;

/** A contract file that is not a readable Pact V4 message contract; {@link #location()} says where. */
public class ContractInvalidException extends InvalidFileException {
  public ContractInvalidException(Location location, String message, Throwable cause) {
    super(location, message, cause);
  }
}
