package dev.handshake.registry.store;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.registry.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One change in the registry log, the payload of a {@link LogFrame}. {@link #toJson()} and {@link #parse} are the
 * log's one record codec, shared by append, replay, compaction and repair; {@link StoreState#apply} is the one
 * way a record changes the in-memory state. The JSON names are the on-disk format: renaming one breaks every
 * existing log.
 */
public sealed interface LogRecord {

  /** A new version of {@code subject} and, unless {@code id} is already stored, the schema under that id. */
  record Register(String subject, int version, int id, String schema, List<SchemaReference> references,
                  boolean deleted) implements LogRecord {
    public Register {
      references = List.copyOf(references);
    }

    @Override
    public Map<String, Object> json() {
      Map<String, Object> json = Json.object("op", "register", "subject", subject, "version", version, "id", id,
          "schema", schema, "references", referencesJson(references));
      if (deleted) {
        json.put("deleted", true);
      }
      return json;
    }
  }

  /** A version of a subject whose schema a {@link Register} or {@link Schema} record holds (written by compaction). */
  record Version(String subject, int version, int id, boolean deleted) implements LogRecord {
    @Override
    public Map<String, Object> json() {
      return Json.object("op", "version", "subject", subject, "version", version, "id", id, "deleted", deleted);
    }
  }

  /** A schema under its id that no remaining version uses (written by compaction: ids are never reused). */
  record Schema(int id, String schema, List<SchemaReference> references) implements LogRecord {
    public Schema {
      references = List.copyOf(references);
    }

    @Override
    public Map<String, Object> json() {
      return Json.object("op", "schema", "id", id, "schema", schema, "references", referencesJson(references));
    }
  }

  /** A compatibility level set ({@code level} null: removed) for {@code subject}, or globally when it is null. */
  record Config(String subject, CompatibilityLevel level) implements LogRecord {
    @Override
    public Map<String, Object> json() {
      return Json.object("op", "config", "subject", subject, "level", level == null ? null : level.name());
    }
  }

  record DeleteSubject(String subject, boolean permanent) implements LogRecord {
    @Override
    public Map<String, Object> json() {
      return Json.object("op", "deleteSubject", "subject", subject, "permanent", permanent);
    }
  }

  record DeleteVersion(String subject, int version, boolean permanent) implements LogRecord {
    @Override
    public Map<String, Object> json() {
      return Json.object("op", "deleteVersion", "subject", subject, "version", version, "permanent", permanent);
    }
  }

  /** New ids are at least {@code next}: after a repair, a torn tail or a compaction that dropped ids. */
  record IdFloor(int next) implements LogRecord {
    @Override
    public Map<String, Object> json() {
      return Json.object("op", "idFloor", "next", next);
    }
  }

  /** The record's fields under the log's JSON names. */
  Map<String, Object> json();

  /** The record as the log's JSON payload. */
  default String toJson() {
    return Json.writeString(json());
  }

  /** The schema text and references this record stores, or null for records that store none. */
  default Schema storedSchema() {
    if (this instanceof Register r) {
      return new Schema(r.id(), r.schema(), r.references());
    }
    return this instanceof Schema s ? s : null;
  }

  /**
   * The record in a frame's payload.
   *
   * @throws IllegalStateException if the payload is not a record this registry writes (the frame's CRC matched,
   *     so this is a bug or a log from another program, not a torn write)
   */
  static LogRecord parse(byte[] payload) {
    Object parsed;
    try {
      parsed = Json.parse(payload);
    } catch (IOException e) {
      throw new IllegalStateException("a record of the registry log is not JSON", e);
    }
    if (!(parsed instanceof Map<?, ?> json)) {
      throw new IllegalStateException("a record of the registry log is not a JSON object: " + parsed);
    }
    String subject = (String) json.get("subject");
    boolean deleted = Boolean.TRUE.equals(json.get("deleted"));
    boolean permanent = Boolean.TRUE.equals(json.get("permanent"));
    return switch (String.valueOf(json.get("op"))) {
      case "register" -> new Register(subject, Json.intValue(json.get("version")), Json.intValue(json.get("id")),
          (String) json.get("schema"), references(json), deleted);
      case "version" -> new Version(subject, Json.intValue(json.get("version")), Json.intValue(json.get("id")),
          deleted);
      case "schema" -> new Schema(Json.intValue(json.get("id")), (String) json.get("schema"), references(json));
      case "config" -> new Config(subject, json.get("level") == null ? null
          : CompatibilityLevel.valueOf((String) json.get("level")));
      case "deleteSubject" -> new DeleteSubject(subject, permanent);
      case "deleteVersion" -> new DeleteVersion(subject, Json.intValue(json.get("version")), permanent);
      case "idFloor" -> new IdFloor(Json.intValue(json.get("next")));
      default -> throw new IllegalStateException("unknown record in the registry log: " + json);
    };
  }

  private static List<SchemaReference> references(Map<?, ?> json) {
    if (!(json.get("references") instanceof List<?> list) || list.isEmpty()) {
      return List.of();
    }
    List<SchemaReference> references = new ArrayList<>();
    for (Object item : list) {
      Map<?, ?> r = (Map<?, ?>) item;
      references.add(new SchemaReference((String) r.get("name"), (String) r.get("subject"),
          Json.intValue(r.get("version"))));
    }
    return references;
  }

  private static List<Object> referencesJson(List<SchemaReference> references) {
    List<Object> refs = new ArrayList<>();
    references.forEach(r -> refs.add(Json.object("name", r.name(), "subject", r.subject(), "version", r.version())));
    return refs;
  }
}
