package dev.handshake.registry.api;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.registry.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies of Confluent's requests, read into values, with Confluent's error for each kind of mistake. */
public final class RequestBodies {
  static final String READWRITE = "READWRITE";

  private RequestBodies() {
  }

  record SchemaRequest(String schema, List<SchemaReference> references) {
  }

  static SchemaRequest schemaRequest(Object json) throws ApiException {
    if (!(json instanceof Map<?, ?> body) || !(body.get("schema") instanceof String schema)) {
      throw ApiException.invalidSchema("Invalid schema: the request body must be a JSON object with a string "
          + "field \"schema\"");
    }
    Object type = body.get("schemaType");
    if (type != null && !"AVRO".equalsIgnoreCase(type.toString())) {
      throw ApiException.invalidSchema("Invalid schema: schemaType " + type + " is not supported; this registry "
          + "stores AVRO schemas");
    }
    List<SchemaReference> references = new ArrayList<>();
    Object refs = body.get("references");
    if (refs != null && !(refs instanceof List)) {
      throw ApiException.invalidSchema("Invalid schema: \"references\" must be an array");
    }
    for (Object item : refs == null ? List.of() : (List<?>) refs) {
      if (!(item instanceof Map<?, ?> ref) || !(ref.get("name") instanceof String name)
          || !(ref.get("subject") instanceof String subject) || Json.intValue(ref.get("version")) == null) {
        throw ApiException.invalidSchema("Invalid schema: each reference needs \"name\", \"subject\" and an "
            + "integer \"version\", got " + Json.writeString(item));
      }
      references.add(new SchemaReference(name, subject, Json.intValue(ref.get("version"))));
    }
    return new SchemaRequest(schema, references);
  }

  static ApiException noLevelGiven() {
    return new ApiException(422, 42203, "Invalid compatibility level: the request has no body; send a JSON object "
        + "such as {\"compatibility\": \"BACKWARD\"}");
  }

  static ApiException noModeGiven() {
    return new ApiException(422, 42204, "Invalid mode: the request has no body; send {\"mode\": \"READWRITE\"}");
  }

  /**
   * The embedded registry is always READWRITE: no IMPORT (ids chosen by the client) and no READONLY. Confluent
   * refuses a mode it cannot switch to with 42205 (operation not permitted) and an unknown one with 42204.
   */
  static String modeFrom(Object json) throws ApiException {
    Object value = json instanceof Map<?, ?> body ? body.get("mode") : null;
    if (!(value instanceof String text)) {
      throw new ApiException(422, 42204, "Invalid mode: the body must be {\"mode\": \"READWRITE\"}, got "
          + Json.writeString(json));
    }
    String mode = text.trim().toUpperCase(Locale.ROOT);
    if (READWRITE.equals(mode)) {
      return READWRITE;
    }
    if (List.of("READONLY", "READONLY_OVERRIDE", "IMPORT", "READWRITE_OVERRIDE").contains(mode)) {
      throw new ApiException(422, 42205, "Mode " + mode + " is not supported: the embedded registry is always "
          + "READWRITE");
    }
    throw new ApiException(422, 42204, "Invalid mode '" + text + "'. Valid values are READWRITE, READONLY, "
        + "READONLY_OVERRIDE and IMPORT (this registry supports READWRITE only)");
  }

  static CompatibilityLevel levelFrom(Object json) throws ApiException {
    Object value = null;
    if (json instanceof Map<?, ?> body) {
      value = body.get("compatibility") != null ? body.get("compatibility") : body.get("compatibilityLevel");
    }
    if (!(value instanceof String text)) {
      throw new ApiException(422, 42203, "Invalid compatibility level: the body must be a JSON object such as "
          + "{\"compatibility\": \"BACKWARD\"}, got " + Json.writeString(json));
    }
    try {
      return CompatibilityLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidLevel(text);
    }
  }
}
