package dev.handshake.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.source.Location;
import java.util.Set;

/**
 * Maps a JSON pointer from Avro's compatibility checker onto source text. Avro walks the resolved schema,
 * so a pointer can pass through a named type that the text only mentions by name; the walk then continues
 * in that type's definition, in this file or in a referenced one. An unresolvable tail falls back to the
 * deepest value that exists.
 */
final class PointerResolver {
  private static final Set<String> PRIMITIVES =
      Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");
  private static final Set<String> NAMED_KINDS = Set.of("record", "error", "enum", "fixed");

  private PointerResolver() {
  }

  static Location locate(SchemaFile file, String jsonPointer) {
    String pointer = jsonPointer == null ? "" : jsonPointer;
    SchemaFile currentFile = file;
    JsonNode node = file.index().tree();
    String currentPointer = "";
    for (String segment : SchemaPointerWalk.segments(pointer)) {
      Definition definition = definitionBehind(node, currentFile, file);
      if (definition != null) {
        currentFile = definition.file();
        node = definition.node();
        currentPointer = definition.pointer();
      }
      JsonNode child = child(node, segment);
      if (child == null) {
        break;
      }
      node = child;
      currentPointer = currentPointer + "/" + segment;
    }
    int[] position = currentFile.inFile() ? currentFile.index().position(currentPointer) : null;
    if (position == null) {
      return new Location(currentFile.displayPath(), 0, 0, pointer);
    }
    return new Location(currentFile.displayPath(), position[0], position[1], pointer);
  }

  private static JsonNode child(JsonNode node, String segment) {
    if (node.isArray()) {
      try {
        return node.get(Integer.parseInt(segment));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return node.isObject() ? node.get(segment) : null;
  }

  /** The definition a type name refers to, when {@code node} is a reference rather than an inline type. */
  private static Definition definitionBehind(JsonNode node, SchemaFile current, SchemaFile root) {
    String name = null;
    if (node.isTextual()) {
      name = node.asText();
    } else if (node.isObject() && !node.has("name") && node.path("type").isTextual() && !node.has("fields")
        && !node.has("symbols") && !node.has("items") && !node.has("values") && !node.has("size")) {
      name = node.path("type").asText();
    }
    if (name == null || PRIMITIVES.contains(name) || NAMED_KINDS.contains(name)
        || "array".equals(name) || "map".equals(name)) {
      return null;
    }
    Definition found = findDefinition(current, name);
    if (found == null && current != root) {
      found = findDefinition(root, name);
    }
    return found;
  }

  private static Definition findDefinition(SchemaFile file, String name) {
    Definition own = searchTree(file, file.index().tree(), "", "", name);
    if (own != null) {
      return own;
    }
    for (SchemaFile reference : file.references()) {
      Definition inReference = findDefinition(reference, name);
      if (inReference != null) {
        return inReference;
      }
    }
    return null;
  }

  private static Definition searchTree(SchemaFile file, JsonNode node, String pointer, String namespace,
                                       String wanted) {
    if (node.isObject()) {
      String ns = namespace;
      if (NAMED_KINDS.contains(node.path("type").asText()) && node.path("name").isTextual()) {
        String name = node.path("name").asText();
        if (node.path("namespace").isTextual()) {
          ns = node.path("namespace").asText();
        }
        String fullName = name.contains(".") || ns.isEmpty() ? name : ns + "." + name;
        if (name.contains(".")) {
          ns = name.substring(0, name.lastIndexOf('.'));
        }
        if (wanted.equals(fullName) || wanted.equals(name)) {
          return new Definition(file, node, pointer);
        }
      }
      var fields = node.fields();
      while (fields.hasNext()) {
        var entry = fields.next();
        Definition found = searchTree(file, entry.getValue(), pointer + "/" + entry.getKey(), ns, wanted);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Definition found = searchTree(file, node.get(i), pointer + "/" + i, namespace, wanted);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private record Definition(SchemaFile file, JsonNode node, String pointer) {
  }
}
