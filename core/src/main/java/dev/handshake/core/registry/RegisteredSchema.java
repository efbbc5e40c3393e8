package dev.handshake.core.registry;

import java.util.List;
import java.util.Objects;

/** One version of a subject: its global schema id, its version number and its text. */
public record RegisteredSchema(String subject, int version, int id, String schema, List<SchemaReference> references) {
  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    references = references == null ? List.of() : List.copyOf(references);
  }

  public RegistrySchema content() {
    return new RegistrySchema(schema, references);
  }
}
