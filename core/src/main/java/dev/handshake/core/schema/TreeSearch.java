package dev.handshake.core.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds values in a schema's JSON tree, for pointing at what Avro's parser complained about. */
final class TreeSearch {
  private TreeSearch() {
  }

  /** The pointer of the last string value equal to {@code text} that is not a name or doc. */
  static String lastPointerOfText(JsonNode node, String text) {
    return lastPointerOfText(node, "", text);
  }

  private static String lastPointerOfText(JsonNode node, String pointer, String text) {
    String found = null;
    if (node.isTextual() && node.asText().equals(text)) {
      return pointer;
    }
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var entry = fields.next();
        if (entry.getKey().equals("name") || entry.getKey().equals("doc") || entry.getKey().equals("namespace")) {
          continue;
        }
        String inner = lastPointerOfText(entry.getValue(), pointer + "/" + entry.getKey(), text);
        if (inner != null) {
          found = inner;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inner = lastPointerOfText(node.get(i), pointer + "/" + i, text);
        if (inner != null) {
          found = inner;
        }
      }
    }
    return found;
  }

  /** The pointer of the last record field object whose name is {@code fieldName}. */
  static String lastPointerOfField(JsonNode node, String fieldName) {
    return lastPointerOfField(node, "", fieldName);
  }

  private static String lastPointerOfField(JsonNode node, String pointer, String fieldName) {
    String found = null;
    if (node.isObject()) {
      JsonNode fields = node.get("fields");
      if (fields != null && fields.isArray()) {
        for (int i = 0; i < fields.size(); i++) {
          if (fieldName.equals(fields.get(i).path("name").asText(null))) {
            found = pointer + "/fields/" + i;
          }
        }
      }
      var entries = node.fields();
      while (entries.hasNext()) {
        var entry = entries.next();
        String inner = lastPointerOfField(entry.getValue(), pointer + "/" + entry.getKey(), fieldName);
        if (inner != null) {
          found = inner;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inner = lastPointerOfField(node.get(i), pointer + "/" + i, fieldName);
        if (inner != null) {
          found = inner;
        }
      }
    }
    return found;
  }
}
