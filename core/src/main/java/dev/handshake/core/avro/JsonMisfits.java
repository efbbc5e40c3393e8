package dev.handshake.core.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.InvalidInputException;
import java.util.Locale;
import org.apache.avro.Schema;

/** How a JSON value that does not fit its Avro type is reported: the path, what was expected, what was found. */
final class JsonMisfits {
  private JsonMisfits() {
  }

  static void requireText(JsonNode json, String path, Schema schema, String expected) {
    if (!json.isTextual()) {
      throw new InvalidInputException("The JSON value at " + path + " is " + kind(json) + " " + json
          + "; expected " + TypeNames.describe(schema) + ", written as " + expected + ".");
    }
  }

  static void require(boolean fits, String path, Schema schema, JsonNode json) {
    if (!fits) {
      throw misfit(path, schema, json);
    }
  }

  static InvalidInputException misfit(String path, Schema schema, JsonNode json) {
    String found = json == null || json.isMissingNode() ? "nothing" : kind(json) + " " + abbreviate(json);
    return new InvalidInputException("The JSON value at " + path + " does not fit its schema: expected "
        + TypeNames.describe(schema) + ", found " + found + ".");
  }

  private static String abbreviate(JsonNode json) {
    String text = json.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  static String kind(JsonNode json) {
    return switch (json.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + json.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
