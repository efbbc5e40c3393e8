package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON comparisons with Pact's notion of kinds: any two numbers are the same kind. */
final class Json {
  private Json() {
  }

  static boolean sameKind(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected.isNumber()) {
      return actual.isNumber();
    }
    return expected.getNodeType() == actual.getNodeType();
  }

  /** Equal values; numbers compare by value, so 1234.5 equals 1234.50. */
  static boolean same(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (var entry : expected.properties()) {
        if (!same(entry.getValue(), actual.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!same(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      default -> "an object";
    };
  }

  static String render(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    String text = node.toString();
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }
}
