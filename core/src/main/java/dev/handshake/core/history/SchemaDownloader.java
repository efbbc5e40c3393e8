package dev.handshake.core.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.SchemaRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes registered schemas to disk, pretty-printed: one version as {@code <dir>/<subject>.avsc}, or a whole
 * history as {@code <dir>/history/<subject>/v<N>.avsc} (with {@code v<N>.references.json} when the version has
 * schema references), the layout {@link LocalSchemaRegistry} reads offline.
 * Subjects become file names as {@link SubjectFileNames} encodes them ({@code a/b} is {@code a_x2Fb}).
 */
public final class SchemaDownloader {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SchemaRegistry registry;

  public SchemaDownloader(SchemaRegistry registry) {
    this.registry = registry;
  }

  /** A file written and the version it holds. */
  public record Downloaded(Path file, RegisteredSchema schema) {
    public String describe() {
      return file + " (subject " + schema.subject() + ", version " + schema.version() + ", id " + schema.id() + ")";
    }
  }

  /** @param version a version number, or null for the latest */
  public Downloaded one(String subject, Integer version, Path directory) {
    RegisteredSchema schema = version == null ? registry.latest(subject) : registry.version(subject, version);
    return write(directory.resolve(fileName(subject) + ".avsc"), schema);
  }

  public List<Downloaded> history(String subject, Path directory) {
    List<Downloaded> written = new ArrayList<>();
    for (int version : registry.versions(subject)) {
      RegisteredSchema schema = registry.version(subject, version);
      Path file = directory.resolve("history").resolve(fileName(subject)).resolve("v" + version + ".avsc");
      written.add(write(file, schema));
      // Without them the offline check could not parse a version that uses another subject's types.
      ReferenceFiles.write(file, schema.references());
    }
    return written;
  }

  /**
   * Writes the registry's levels to {@code <dir>/compatibility.properties}, where {@link LocalSchemaRegistry} reads
   * them: {@code default} (the global level) and each subject's own level; a subject without one loses a stale
   * entry. Entries of other subjects already in the file are kept, so downloading some subjects adds to a copy.
   * Without the levels an offline check would apply BACKWARD where the registry applies, say, FULL_TRANSITIVE.
   *
   * @return the file written
   */
  public Path levels(List<String> subjects, Path directory) {
    Path file = directory.resolve(LocalSchemaRegistry.PROPERTIES);
    Map<String, String> levels = new TreeMap<>();
    levels.putAll(LocalSchemaRegistry.levelEntries(directory));
    levels.put(LocalSchemaRegistry.DEFAULT_KEY, registry.globalCompatibility().name());
    for (String subject : subjects) {
      registry.subjectCompatibility(subject).ifPresentOrElse(level -> levels.put(subject, level.name()),
          () -> levels.remove(subject));
    }
    StringBuilder text = new StringBuilder("# Compatibility levels downloaded from ").append(registry.describe())
        .append(": default is the global level, <subject>=LEVEL a subject's own.\n");
    levels.forEach((key, level) -> text.append(propertyLine(key, level)).append('\n'));
    try {
      Files.createDirectories(directory);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HandshakeIOException("cannot write " + file, e);
    }
    return file;
  }

  /** One {@code key=value} line as {@link Properties#load} reads it back (subjects may hold {@code :} or spaces). */
  private static String propertyLine(String key, String value) {
    Properties one = new Properties();
    one.setProperty(key, value);
    StringWriter out = new StringWriter();
    try {
      one.store(out, null);
    } catch (IOException e) {
      throw new IllegalStateException("a StringWriter does not fail", e);
    }
    return out.toString().lines().filter(line -> !line.startsWith("#")).findFirst().orElseThrow();
  }

  private static Downloaded write(Path file, RegisteredSchema schema) {
    String text;
    try {
      text = JSON.writeValueAsString(JSON.readTree(schema.schema())) + "\n";
    } catch (IOException e) {
      // Not JSON (cannot happen for Avro from a sane registry): keep the text exactly as registered.
      text = schema.schema();
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HandshakeIOException("cannot write " + file, e);
    }
    return new Downloaded(file, schema);
  }

  private static String fileName(String subject) {
    if (subject.isEmpty()) {
      throw new InvalidInputException("an empty subject name cannot be downloaded to a file");
    }
    return SubjectFileNames.encode(subject);
  }
}
