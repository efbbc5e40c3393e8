package dev.handshake.kafka;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.schema.InvalidSchemaException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The consumer's own reader schemas ({@code handshake.reader.schemas}): what its contract says it reads. One
 * reader is used for every writer (Avro's resolution, aliases honoured); with several, each writer is resolved
 * to the reader of the same full name (or with the writer's name among its aliases), so one topic can carry
 * several event types, each read with its own reader.
 */
public final class ReaderSchemas {
  static final ReaderSchemas NONE = new ReaderSchemas(List.of(), "");

  private final List<Schema> readers;
  private final Map<String, Schema> byName = new LinkedHashMap<>();
  private final String source;

  private ReaderSchemas(List<Schema> readers, String source) {
    this.readers = List.copyOf(readers);
    this.source = source;
    for (Schema reader : readers) {
      if (isNamed(reader)) {
        register(reader.getFullName(), reader);
        reader.getAliases().forEach(alias -> byName.putIfAbsent(alias, reader));
      }
    }
  }

  /**
   * Parses the option's value: one inline JSON schema (starting with '{' or '['), or a comma-separated list of
   * {@code .avsc} files and directories (whose {@code .avsc} files are read, sorted by name). Each file is parsed
   * on its own, so two event files may each define the same enum.
   */
  public static ReaderSchemas parse(String value) {
    String trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"")) {
      return new ReaderSchemas(List.of(parseSchema(trimmed, "the inline JSON")), "inline JSON");
    }
    List<Path> files = new ArrayList<>();
    for (String entry : trimmed.split(",")) {
      if (!entry.isBlank()) {
        files.addAll(avscFiles(Path.of(entry.trim())));
      }
    }
    List<Schema> readers = loadAll(files).stream().map(SchemaFile::schema).toList();
    if (readers.isEmpty()) {
      throw new InvalidInputException("no reader schema found in \"" + value + "\": give .avsc files, directories "
          + "holding .avsc files, or one JSON schema");
    }
    return new ReaderSchemas(readers, trimmed);
  }

  public boolean isEmpty() {
    return readers.isEmpty();
  }

  public List<Schema> all() {
    return readers;
  }

  /**
   * The reader for {@code writer}: the only one when there is one, else the one named like the writer.
   *
   * @return null when no reader is configured at all
   * @throws InvalidInputException when several are configured and none has the writer's name
   */
  Schema readerFor(Schema writer) {
    if (readers.isEmpty()) {
      return null;
    }
    if (readers.size() == 1) {
      return readers.get(0);
    }
    Schema reader = isNamed(writer) ? byName.get(writer.getFullName()) : null;
    if (reader == null) {
      throw new InvalidInputException("no reader schema for writer " + writer.getFullName() + " among "
          + byName.keySet() + " (from " + source + "); add its reader schema to handshake.reader.schemas, or "
          + "route this event type to another topic");
    }
    return reader;
  }

  private void register(String name, Schema reader) {
    if (byName.containsKey(name) && byName.get(name) != reader) {
      throw new InvalidInputException("two reader schemas are named " + name + " in " + source
          + "; give one reader per event type");
    }
    byName.put(name, reader);
  }

  private static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }

  private static List<Path> avscFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new InvalidInputException("reader schema " + path.toAbsolutePath() + " does not exist; give an .avsc "
          + "file or a directory of them (relative paths are resolved from " + Path.of("").toAbsolutePath() + ")");
    }
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".avsc") && Files.isRegularFile(file))
          .sorted().toList();
    } catch (IOException e) {
      throw new InvalidInputException("cannot list reader schemas in " + path.toAbsolutePath() + ": " + e, e);
    }
  }

  /**
   * Each file on its own first (two event files may each define the same enum); a file that uses a type
   * another file defines is parsed again with the files loaded so far as references, until none is left.
   */
  private static List<SchemaFile> loadAll(List<Path> files) {
    SchemaLoader loader = new SchemaLoader();
    List<SchemaFile> loaded = new ArrayList<>();
    List<Path> pending = new ArrayList<>(files);
    InvalidSchemaException lastFailure = null;
    while (!pending.isEmpty()) {
      List<Path> stillPending = new ArrayList<>();
      for (Path file : pending) {
        try {
          loaded.add(loader.load(file, List.of()));
        } catch (InvalidSchemaException alone) {
          try {
            loaded.add(loader.load(file, List.copyOf(loaded)));
          } catch (InvalidSchemaException withOthers) {
            lastFailure = alone;
            stillPending.add(file);
          }
        }
      }
      if (stillPending.size() == pending.size()) {
        throw new InvalidInputException("reader schema " + lastFailure.getMessage(), lastFailure);
      }
      pending = stillPending;
    }
    return loaded;
  }

  private static Schema parseSchema(String json, String where) {
    try {
      return new Schema.Parser().parse(json);
    } catch (SchemaParseException e) {
      throw new InvalidInputException("reader schema in " + where + " is not a valid Avro schema: "
          + e.getMessage(), e);
    }
  }
}
