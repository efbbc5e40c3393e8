package dev.handshake.core.schema;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.report.Location;

/** A schema file that is missing, is not JSON, or is not a valid Avro schema. */
public final class InvalidSchemaException extends InvalidInputException {
  private final Location location;

  public InvalidSchemaException(Location location, String message, Throwable cause) {
    super(location.render() + ": " + message, cause);
    this.location = location;
  }

  public Location location() {
    return location;
  }
}
