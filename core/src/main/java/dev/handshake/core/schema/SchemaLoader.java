package dev.handshake.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handshake.core.source.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Reads {@code .avsc} files into {@link SchemaFile}s. A schema may use named types defined in reference
 * files; those are parsed first, into the same name space, exactly as a registry resolves references.
 * Every failure is an {@link InvalidSchemaException} naming the file, and the line and column when known.
 */
public final class SchemaLoader {
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field (\\w+) in record ([\\w.$]+)");
  private static final Pattern FIELD_NAMED = Pattern.compile("(?:[Dd]uplicate field|default for field) \"?(\\w+)\"?");

  /** Loads reference files (dependencies first) that the following schemas may use. */
  public List<SchemaFile> loadReferences(List<Path> referenceFiles) {
    List<SchemaFile> loaded = new ArrayList<>();
    for (Path file : referenceFiles) {
      loaded.add(load(file, loaded));
    }
    return loaded;
  }

  public SchemaFile load(Path file, List<SchemaFile> references) {
    String displayPath = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidSchemaException(Location.ofFile(displayPath),
          "schema file not found. Check the path (it is resolved against " + Path.of("").toAbsolutePath() + ").", e);
    } catch (IOException e) {
      throw new InvalidSchemaException(Location.ofFile(displayPath), "cannot read schema file: " + e.getMessage(), e);
    }
    return parse(displayPath, text, references);
  }

  /** Parses schema text that did not come from a file on disk (a registry, a contract). */
  public SchemaFile parse(String displayPath, String text, List<SchemaFile> references) {
    if (text.isBlank()) {
      throw new InvalidSchemaException(Location.ofFile(displayPath), "the schema is empty: an .avsc file holds one "
          + "Avro schema as JSON, e.g. {\"type\": \"record\", \"name\": \"User\", \"fields\": [...]}", null);
    }
    Schema.Parser parser = new Schema.Parser();
    for (SchemaFile reference : references) {
      parser.addTypes(List.of(reference.schema()));
      collectNamedTypes(reference.schema(), parser);
    }
    try {
      Schema schema = parser.parse(text);
      return new SchemaFile(displayPath, text, schema, references);
    } catch (RuntimeException e) {
      // Avro signals bad schema text with assorted runtime exceptions; all of them are bad input here.
      throw explain(displayPath, text, references, e);
    }
  }

  private static void collectNamedTypes(Schema schema, Schema.Parser parser) {
    // addTypes registers only the top-level type; nested named types must be visible to the referrer too.
    List<Schema> nested = new ArrayList<>();
    NamedTypes.collect(schema, nested);
    parser.addTypes(nested);
  }

  private static InvalidSchemaException explain(String displayPath, String text, List<SchemaFile> references,
                                                RuntimeException e) {
    SourceIndex index;
    try {
      index = SourceIndex.of(text);
    } catch (JsonProcessingException json) {
      return new InvalidSchemaException(Location.ofJsonError(displayPath, json),
          "malformed JSON: " + json.getOriginalMessage() + ". Fix the JSON syntax at this position.", json);
    } catch (IOException io) {
      return new InvalidSchemaException(Location.ofFile(displayPath), "cannot read schema: " + io.getMessage(), io);
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String unknownType = UnknownTypes.named(reason, index.tree(), references);
    if (unknownType != null) {
      String pointer = TreeSearch.lastPointerOfText(index.tree(), unknownType);
      Location location = pointer == null ? new Location(displayPath, 1, 1, "") : at(displayPath, index, pointer);
      return new InvalidSchemaException(location, UnknownTypes.explain(unknownType, pointer), e);
    }
    Matcher duplicate = DUPLICATE_FIELD.matcher(reason);
    if (duplicate.find()) {
      String pointer = TreeSearch.lastPointerOfField(index.tree(), duplicate.group(1));
      Location location = pointer == null ? new Location(displayPath, 1, 1, "") : at(displayPath, index, pointer);
      return new InvalidSchemaException(location, "invalid Avro schema: field \"" + duplicate.group(1)
          + "\" is declared twice in record \"" + duplicate.group(2) + "\". Rename or remove one of them.", e);
    }
    Location location = guessLocation(displayPath, index, reason);
    String sentence = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    return new InvalidSchemaException(location, "invalid Avro schema: " + sentence
        + ". Fix the schema; the Avro specification lists valid types and defaults.", e);
  }

  /** Avro's parser reports no positions; find the value its message is about. */
  private static Location guessLocation(String displayPath, SourceIndex index, String reason) {
    Matcher field = FIELD_NAMED.matcher(reason);
    if (field.find()) {
      String pointer = TreeSearch.lastPointerOfField(index.tree(), field.group(1));
      if (pointer != null) {
        return at(displayPath, index, pointer);
      }
    }
    return new Location(displayPath, 1, 1, "");
  }

  private static Location at(String displayPath, SourceIndex index, String pointer) {
    int[] position = index.position(pointer);
    return position == null ? Location.ofFile(displayPath)
        : new Location(displayPath, position[0], position[1], pointer);
  }
}
