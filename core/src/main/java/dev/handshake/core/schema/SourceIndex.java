package dev.handshake.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.source.SourcePositions;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A schema's JSON tree with the positions of its values ({@link SourcePositions}), for locating findings. */
final class SourceIndex {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SourcePositions positions;
  private final JsonNode tree;

  private SourceIndex(SourcePositions positions, JsonNode tree) {
    this.positions = positions;
    this.tree = tree;
  }

  /** Indexes {@code text}; throws Jackson's parse exception, which carries the line and column. */
  static SourceIndex of(String text) throws IOException {
    SourcePositions positions = SourcePositions.of(text);
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
    return positions.position(pointer);
  }
}
