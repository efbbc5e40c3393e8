package dev.handshake.registry.api;

import java.nio.charset.StandardCharsets;

/**
 * The documented limits on what a client may store, each refused with Confluent's error shape: a subject name of
 * at most {@value #MAX_SUBJECT_BYTES} bytes (UTF-8; Kafka's 249-character topic names plus "-value" fit), and a
 * schema nested at most {@value #MAX_NESTING} JSON levels deep (about a third as many nested records), checked
 * before Avro's recursive parser could exhaust a thread's stack. A schema's size is bounded by the request body
 * limit ({@link HttpLimits#maxBody()}, 413 above it).
 */
public final class SchemaLimits {
  public static final int MAX_SUBJECT_BYTES = 255;
  public static final int MAX_NESTING = 96;
  /**
   * Heap a parsed Avro schema takes per byte of its JSON text, as an upper estimate (objects for every field,
   * name, default and property): what the caches and the admission of parses are counted in.
   */
  static final int PARSED_BYTES_PER_TEXT_BYTE = 12;

  private SchemaLimits() {
  }

  static void checkSubject(String subject) throws ApiException {
    int bytes = subject.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SUBJECT_BYTES) {
      throw new ApiException(422, 42208, "Invalid subject: the subject name is " + bytes + " bytes long (UTF-8), "
          + "more than the " + MAX_SUBJECT_BYTES + " this registry accepts; use a shorter name");
    }
  }

  /** The deepest nesting of JSON objects and arrays in {@code text}, outside strings, capped at the limit + 1. */
  static int nesting(String text) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < text.length() && deepest <= MAX_NESTING; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return deepest;
  }

  static void checkNesting(String text) throws ApiException {
    if (nesting(text) > MAX_NESTING) {
      throw new ApiException(422, 42201, "Invalid schema: it is nested more than " + MAX_NESTING + " JSON levels "
          + "deep (records within records); this registry parses schemas up to that depth", true);
    }
  }

  static long estimatedParsedBytes(int textLength) {
    return (long) textLength * PARSED_BYTES_PER_TEXT_BYTE;
  }
}
