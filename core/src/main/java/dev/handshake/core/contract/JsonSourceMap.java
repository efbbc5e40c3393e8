package dev.handshake.core.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value in a JSON document, by JSON pointer, so a finding about
 * {@code /interactions/2/contents/content/email} can point at {@code contract.json:41:11}.
 */
final class JsonSourceMap {
  private final Map<String, int[]> positions;

  private JsonSourceMap(Map<String, int[]> positions) {
    this.positions = positions;
  }

  /** Indexes well-formed JSON; the caller has already parsed it, so syntax errors are not expected here. */
  static JsonSourceMap of(String text) throws IOException {
    Map<String, int[]> positions = new HashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      Deque<Frame> stack = new ArrayDeque<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          Frame frame = stack.peek();
          frame.key = parser.currentName();
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          stack.pop();
          continue;
        }
        String pointer = pointerOfNext(stack);
        JsonLocation at = parser.currentTokenLocation();
        positions.put(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          stack.push(new Frame(pointer, token == JsonToken.START_ARRAY));
        }
      }
    }
    return new JsonSourceMap(positions);
  }

  private static String pointerOfNext(Deque<Frame> stack) {
    Frame parent = stack.peek();
    if (parent == null) {
      return "";
    }
    if (parent.array) {
      return parent.pointer + "/" + parent.nextIndex++;
    }
    return parent.pointer + "/" + escape(parent.key);
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Line and column of the value at {@code pointer}, or of its nearest ancestor that exists. */
  int[] locate(String pointer) {
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

  private static final class Frame {
    final String pointer;
    final boolean array;
    int nextIndex;
    String key;

    Frame(String pointer, boolean array) {
      this.pointer = pointer;
      this.array = array;
    }
  }
}
