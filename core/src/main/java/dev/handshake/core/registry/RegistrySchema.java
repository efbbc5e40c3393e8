package dev.handshake.core.registry;

import java.util.List;
import java.util.Objects;

/** An Avro schema's text with the references it needs: what a client registers and what an id resolves to. */
public record RegistrySchema(String schema, List<SchemaReference> references) {
  public RegistrySchema {
    Objects.requireNonNull(schema, "schema");
    references = references == null ? List.of() : List.copyOf(references);
  }

  public static RegistrySchema of(String schema) {
    return new RegistrySchema(schema, List.of());
  }
}
