package dev.handshake.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value in a JSON document (a schema, a contract), by JSON pointer, so a finding about
 * {@code /interactions/2/contents/content/email} can point at {@code contract.json:41:11}. Built only when a
 * finding needs a position, so a clean check never pays for it.
 */
public final class SourcePositions {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Map<String, int[]> positions;

  private SourcePositions(Map<String, int[]> positions) {
    this.positions = positions;
  }

  /** Indexes {@code text}; throws Jackson's parse exception, which carries the line and column. */
  public static SourcePositions of(String text) throws IOException {
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
    return new SourcePositions(positions);
  }

  /** {line, column} of the value at {@code pointer}, or null when the document has no such value. */
  public int[] position(String pointer) {
    return positions.get(pointer);
  }

  /** {line, column} of the value at {@code pointer}, or of its nearest ancestor that exists. */
  public int[] nearest(String pointer) {
    String current = pointer;
    while (true) {
      int[] position = positions.get(current);
      if (position != null) {
        return position;
      }
      if (current.isEmpty()) {
        return new int[] {1, 1};
      }
      current = current.substring(0, current.lastIndexOf('/'));
    }
  }

  /** A key as one JSON pointer segment ({@code ~} and {@code /} escaped). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
