package dev.handshake.core.schema;

import dev.handshake.core.source.Location;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A parsed Avro schema with the text it came from, so findings can point at {@code file:line:col}.
 * {@code references} are the files that define named types this schema uses.
 */
public final class SchemaFile {
  private final String displayPath;
  private final String text;
  private final Schema schema;
  private final List<SchemaFile> references;
  private final boolean inFile;
  private volatile SourceIndex index;

  public SchemaFile(String displayPath, String text, Schema schema, List<SchemaFile> references) {
    this(displayPath, text, schema, references, true);
  }

  private SchemaFile(String displayPath, String text, Schema schema, List<SchemaFile> references, boolean inFile) {
    this.displayPath = Objects.requireNonNull(displayPath, "displayPath");
    this.text = Objects.requireNonNull(text, "text");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.references = List.copyOf(references);
    this.inFile = inFile;
  }

  /**
   * The same schema, served by a registry rather than read from a file: a line and column in the registry's
   * compact JSON help no one, so locations in it are given by JSON pointer only.
   */
  public SchemaFile servedByRegistry() {
    return new SchemaFile(displayPath, text, schema, references, false);
  }

  /** False for text a registry served: its locations carry a JSON pointer, no line and column. */
  public boolean inFile() {
    return inFile;
  }

  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  public Schema schema() {
    return schema;
  }

  public List<SchemaFile> references() {
    return references;
  }

  /** The source position of the value at an Avro JSON pointer, following named types into their definitions. */
  public Location locate(String jsonPointer) {
    return PointerResolver.locate(this, jsonPointer);
  }

  SourceIndex index() {
    SourceIndex current = index;
    if (current == null) {
      current = SourceIndex.ofUnchecked(text);
      index = current;
    }
    return current;
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
