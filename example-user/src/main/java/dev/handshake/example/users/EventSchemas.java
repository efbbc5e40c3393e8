package dev.handshake.example.users;

import dev.handshake.example.support.InvalidSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * One major version's schemas, as user-service writes that version's events: v1's are by default the files it was
 * built with (schemas/user-events, copied to {@code user-events/} on the classpath), or those in
 * {@code EVENT_SCHEMAS_DIR}; v2's the built-in schemas/user-events-v2. A release that changes v1's schemas
 * (UserStatus gains a symbol) is the same jar with other files: the events are built and published with them, and
 * the API accepts the UserStatus symbols the published versions can carry ({@link EventVersions}, which holds
 * both versions and converts between them).
 */
record EventSchemas(Map<String, Schema> byType, List<String> statusSymbols, String origin) {
  static final List<String> TYPES = List.of("UserCreated", "UserUpdated", "UserDeleted");
  static final String VARIABLE = "EVENT_SCHEMAS_DIR";

  EventSchemas {
    byType = Map.copyOf(byType);
    statusSymbols = List.copyOf(statusSymbols);
  }

  /** The v1 schemas the jar was built with (schemas/user-events). */
  static EventSchemas builtIn() {
    return builtIn("user-events");
  }

  /** The v2 schemas the jar was built with (schemas/user-events-v2): what the outbox holds. */
  static EventSchemas builtInV2() {
    return builtIn("user-events-v2");
  }

  private static EventSchemas builtIn(String directory) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (String type : TYPES) {
      String resource = "/" + directory + "/" + type + ".avsc";
      try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is missing from the classpath; the build copies it from schemas/");
        }
        schemas.put(type, new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + resource, e);
      }
    }
    return of(schemas, "the built-in schemas (schemas/" + directory + ")", message -> new IllegalStateException(message));
  }

  /** {@code UserCreated.avsc}, {@code UserUpdated.avsc}, {@code UserDeleted.avsc} of {@code dir}; bad files name the variable. */
  static EventSchemas fromDirectory(Path dir) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (String type : TYPES) {
      Path file = dir.resolve(type + ".avsc");
      if (!Files.isRegularFile(file)) {
        throw new InvalidSettingException(VARIABLE, VARIABLE + "=" + dir + " has no " + type + ".avsc; put user-service's "
            + "event schemas (" + String.join(", ", TYPES) + ") there, or unset it to use the built-in ones");
      }
      try {
        schemas.put(type, new Schema.Parser().parse(file.toFile()));
      } catch (IOException | SchemaParseException e) {
        throw new InvalidSettingException(VARIABLE, file + " is not an Avro schema: " + e.getMessage(), e);
      }
    }
    return of(schemas, dir.toString(), message -> new InvalidSettingException(VARIABLE, message));
  }

  private static EventSchemas of(Map<String, Schema> schemas, String origin,
      java.util.function.Function<String, RuntimeException> invalid) {
    List<String> symbols = null;
    for (String type : List.of("UserCreated", "UserUpdated")) {
      Schema.Field status = schemas.get(type).getField("status");
      if (status == null || status.schema().getType() != Schema.Type.ENUM) {
        throw invalid.apply(origin + ": " + type + " has no enum field \"status\"; user-service writes the user's status there");
      }
      List<String> declared = status.schema().getEnumSymbols();
      if (symbols != null && !symbols.equals(declared)) {
        throw invalid.apply(origin + ": UserCreated declares UserStatus " + symbols + " but UserUpdated " + declared
            + "; give both the same symbols");
      }
      symbols = declared;
    }
    return new EventSchemas(schemas, symbols, origin);
  }

  Schema schema(String type) {
    Schema schema = byType.get(type);
    if (schema == null) {
      throw new IllegalStateException("no event schema for type " + type + "; known: " + byType.keySet());
    }
    return schema;
  }
}
