package dev.handshake.core.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every JSON value in a document, keyed by JSON pointer, plus the parsed tree.
 * Built only when a finding needs a position, so a clean check never pays for it.
 */
final class SourceIndex {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, int[]> positions;
  private final JsonNode tree;

  private SourceIndex(Map<String, int[]> positions, JsonNode tree) {
    this.positions = positions;
    this.tree = tree;
  }

  /** Indexes {@code text}; throws Jackson's parse exception, which carries the line and column. */
  static SourceIndex of(String text) throws IOException {
    Map<String, int[]> positions = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        JsonLocation at = parser.currentTokenLocation();
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        positions.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
      }
    }
    return new SourceIndex(positions, MAPPER.readTree(text));
  }

  static SourceIndex ofUnchecked(String text) {
    try {
      return of(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode tree() {
    return tree;
  }

  /** {line, column} of the value at {@code pointer}, or null when the document has no such value. */
  int[] position(String pointer) {
    return positions.get(pointer);
  }
}
