package dev.handshake.core.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** An Avro schema's text with the references it needs: what a client registers and what an id resolves to. */
public record RegistrySchema(String schema, List<SchemaReference> references) {
  /**
   * The largest registration request registries take: the embedded registry answers 413 above 1 MiB, and
   * Confluent stores each schema as one record of its {@code _schemas} topic, about 1 MB by default.
   */
  public static final int MAX_REQUEST_BYTES = 1024 * 1024;

  public RegistrySchema {
    Objects.requireNonNull(schema, "schema");
    references = references == null ? List.of() : List.copyOf(references);
  }

  public static RegistrySchema of(String schema) {
    return new RegistrySchema(schema, List.of());
  }

  /** The JSON body of a registration or compatibility request: {@code {"schema": ..., "references": [...]}}. */
  public ObjectNode requestBody() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("schema", schema);
    if (!references.isEmpty()) {
      ArrayNode array = body.putArray("references");
      for (SchemaReference reference : references) {
        array.addObject().put("name", reference.name()).put("subject", reference.subject())
            .put("version", reference.version());
      }
    }
    return body;
  }

  /** Refuses, before any registry is asked, a schema whose registration request registries refuse as too large. */
  public void requireRegistrableSize(String source) {
    long bytes = requestBody().toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_REQUEST_BYTES) {
      throw new InvalidInputException(source + ": registering this schema takes a request of " + bytes
          + " bytes, more than registries accept (" + MAX_REQUEST_BYTES + " bytes: the embedded registry answers "
          + "HTTP 413, Confluent's _schemas topic holds records of about 1 MB). Split it: move named types into "
          + "schemas of their own and use references.");
    }
  }
}
