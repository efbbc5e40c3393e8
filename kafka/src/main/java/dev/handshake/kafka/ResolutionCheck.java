package dev.handshake.kafka;

import dev.handshake.kafka.HandshakeSerdeException.SerdeContext;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Checks, once per writer schema, that Avro can resolve it to the reader before any record is decoded. */
final class ResolutionCheck {
  private ResolutionCheck() {
  }

  static void requireResolvable(Schema writer, Schema reader, SerdeContext context) {
    SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    String reasons = result.getResult().getIncompatibilities().stream()
        .map(incompatibility -> incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
            + incompatibility.getMessage())
        .collect(Collectors.joining("; "));
    throw new UnresolvableWriterException("The reader schema " + reader.getFullName() + " cannot read data written "
        + "with " + writer.getFullName() + ": " + reasons + ". The producer changed the event incompatibly; run "
        + "'handshake check' on the two schemas for the rule and the fix", context, null);
  }
}
