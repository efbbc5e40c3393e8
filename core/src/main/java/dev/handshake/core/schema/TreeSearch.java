package dev.handshake.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.BiPredicate;

/** Finds values in a schema's JSON tree, for pointing at what Avro's parser complained about. */
final class TreeSearch {
  private static final Set<String> NOT_TYPE_KEYS = Set.of("name", "doc", "namespace", "aliases");

  private TreeSearch() {
  }

  /** The pointer of the last string value equal to {@code text} that is not a name, namespace or doc. */
  static String lastPointerOfText(JsonNode root, String text) {
    return last(root, "", (node, key) -> node.isTextual() && node.asText().equals(text));
  }

  /** The pointer of the last record field object whose name is {@code fieldName}. */
  static String lastPointerOfField(JsonNode root, String fieldName) {
    return last(root, "", (node, key) -> node.isObject() && node.has("type")
        && fieldName.equals(node.path("name").asText(null)) && !node.has("fields") && !node.has("symbols") && !node.has("size"));
  }

  /** Depth-first, document order; the last match wins, since Avro complains about the later duplicate. */
  private static String last(JsonNode node, String pointer, BiPredicate<JsonNode, String> matches) {
    String found = matches.test(node, pointer) ? pointer : null;
    if (node.isObject()) {
      var entries = node.fields();
      while (entries.hasNext()) {
        var entry = entries.next();
        if (NOT_TYPE_KEYS.contains(entry.getKey())) {
          continue;
        }
        String inner = last(entry.getValue(), pointer + "/" + entry.getKey(), matches);
        found = inner != null ? inner : found;
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inner = last(node.get(i), pointer + "/" + i, matches);
        found = inner != null ? inner : found;
      }
    }
    return found;
  }
}
