package dev.handshake.core.gate;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.schema.InvalidSchemaException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The producer's writer schemas (its {@code .avsc} files), by record full name and alias, so the gate can
 * decode events given as bytes and point static findings at the producer's own file.
 */
public final class WriterSchemas {
  private static final String HISTORY_FOLDER = "history";

  private final Map<String, SchemaFile> byName;

  private WriterSchemas(Map<String, SchemaFile> byName) {
    this.byName = byName;
  }

  public static WriterSchemas none() {
    return new WriterSchemas(Map.of());
  }

  public static WriterSchemas of(List<SchemaFile> files) {
    Map<String, SchemaFile> byName = new HashMap<>();
    for (SchemaFile file : files) {
      Schema schema = file.schema();
      if (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
          || schema.getType() == Schema.Type.FIXED) {
        SchemaFile earlier = byName.putIfAbsent(schema.getFullName(), file);
        if (earlier != null && !earlier.schema().equals(schema)) {
          // Silently picking one would verify consumers against a schema the producer does not write.
          throw new InvalidInputException("two different writer schemas define \"" + schema.getFullName()
              + "\": " + earlier.displayPath() + " and " + file.displayPath() + ". Keep one current schema per "
              + "record under <schemasDirectory> (registered versions belong in its history/ folder).");
        }
        for (String alias : schema.getAliases()) {
          byName.putIfAbsent(alias, file);
        }
      }
    }
    return new WriterSchemas(byName);
  }

  /**
   * Loads every {@code *.avsc} under {@code directory} (a missing directory holds none). A schema that uses
   * named types from another file there is parsed with the others as references. {@code displayBase}
   * makes paths in findings relative (e.g. to the project directory).
   */
  public static WriterSchemas load(Path directory, Path displayBase) {
    if (directory == null || !Files.isDirectory(directory)) {
      return none();
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.filter(p -> p.getFileName().toString().endsWith(".avsc"))
          .filter(p -> !isHistory(directory, p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    SchemaLoader loader = new SchemaLoader();
    List<SchemaFile> loaded = new ArrayList<>();
    List<Path> pending = new ArrayList<>(paths);
    // Files may use each other's named types: retry those that failed until no progress is made.
    InvalidSchemaException last = null;
    boolean withReferences = false;
    while (!pending.isEmpty()) {
      List<Path> failed = new ArrayList<>();
      for (Path path : pending) {
        try {
          String text = Files.readString(path);
          // Most files stand alone; only those that failed alone are parsed with the others as references,
          // which keeps a large schemas directory linear.
          List<SchemaFile> references = withReferences ? List.copyOf(loaded) : List.of();
          loaded.add(loader.parse(display(path, displayBase), text, references));
        } catch (InvalidSchemaException e) {
          failed.add(path);
          last = e;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + path, e);
        }
      }
      if (failed.size() == pending.size() && withReferences) {
        throw last;
      }
      withReferences = true;
      pending = failed;
    }
    return of(loaded);
  }

  /** {@code history/} holds registered versions (see schemas/README.md), not what the producer writes now. */
  private static boolean isHistory(Path directory, Path file) {
    for (Path segment : directory.relativize(file)) {
      if (segment.toString().equals(HISTORY_FOLDER)) {
        return true;
      }
    }
    return false;
  }

  private static String display(Path path, Path base) {
    if (base == null) {
      return path.toString();
    }
    try {
      return base.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString()
          .replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return path.toString();
    }
  }

  /** The file that defines the record the reader reads (by full name, then by the reader's aliases). */
  public Optional<SchemaFile> forReader(Schema reader) {
    SchemaFile file = byName.get(reader.getFullName());
    if (file == null && reader.getAliases() != null) {
      for (String alias : reader.getAliases()) {
        file = byName.get(alias);
        if (file != null) {
          break;
        }
      }
    }
    return Optional.ofNullable(file);
  }

  public Optional<SchemaFile> byFullName(String fullName) {
    return Optional.ofNullable(byName.get(fullName));
  }

  /** Each schema file once, records first by full name (the order the usage map lists subjects in). */
  public List<SchemaFile> files() {
    return byName.values().stream().distinct()
        .sorted(java.util.Comparator.comparing((SchemaFile f) -> f.schema().getFullName())).toList();
  }

  public int size() {
    return (int) byName.values().stream().distinct().count();
  }
}
