package dev.handshake.core.schema;

import dev.handshake.core.source.InvalidFileException;
import dev.handshake.core.source.Location;

/** A schema file that is missing, is not JSON, or is not a valid Avro schema. */
public final class InvalidSchemaException extends InvalidFileException {
  public InvalidSchemaException(Location location, String message, Throwable cause) {
    super(location, message, cause);
  }
}
