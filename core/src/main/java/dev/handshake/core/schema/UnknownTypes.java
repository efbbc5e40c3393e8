package dev.handshake.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.SimilarNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Names the type Avro could not resolve. Avro says {@code Undefined schema: Adress} for a misspelt type inside
 * a record, but for a misspelt top-level {@code "type": "recrd"} it throws
 * {@code Unknown schema: org.apache.avro.compiler.UnresolvedSchema_0}, naming only its own placeholder: the
 * name is then found in the document as the first type that is neither built in nor defined.
 */
final class UnknownTypes {
  private static final Pattern UNDEFINED_NAME = Pattern.compile("[Uu]ndefined (?:name|schema): \"?([\\w.$]+)\"?");
  private static final List<String> BUILT_IN = List.of("null", "boolean", "int", "long", "float", "double",
      "bytes", "string", "record", "error", "enum", "array", "map", "fixed");

  private UnknownTypes() {
  }

  /** The unresolved type name behind Avro's message, or null when the message is about something else. */
  static String named(String reason, JsonNode tree, List<SchemaFile> references) {
    Matcher undefined = UNDEFINED_NAME.matcher(reason);
    if (undefined.find()) {
      return undefined.group(1);
    }
    if (!reason.contains("UnresolvedSchema")) {
      return null;
    }
    Set<String> defined = new HashSet<>();
    collectDefinedNames(tree, defined);
    for (SchemaFile reference : references) {
      List<Schema> named = new ArrayList<>();
      NamedTypes.collect(reference.schema(), named);
      named.add(reference.schema());
      named.forEach(schema -> {
        defined.add(schema.getFullName());
        defined.add(schema.getName());
      });
    }
    return firstUnknownType(tree, defined);
  }

  static String explain(String name, String pointer) {
    List<String> similar = SimilarNames.closeTo(name, BUILT_IN);
    return "invalid Avro schema: unknown type \"" + name + "\"" + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer)
        + ": it is not one of Avro's types (" + String.join(", ", BUILT_IN) + ") nor a named type defined in "
        + "this schema or its references" + (similar.isEmpty() ? "" : "; did you mean " + SimilarNames.quoted(similar)
        + "?") + ". Fix its spelling, define the type, or pass the schema file that defines it as a reference.";
  }

  private static void collectDefinedNames(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      if (node.path("name").isTextual() && node.has("type") && !node.has("default") && isNamedKind(node)) {
        String name = node.path("name").asText();
        names.add(name);
        if (node.path("namespace").isTextual()) {
          names.add(node.path("namespace").asText() + "." + name);
        }
      }
      node.elements().forEachRemaining(child -> collectDefinedNames(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectDefinedNames(child, names));
    }
  }

  private static boolean isNamedKind(JsonNode node) {
    return node.has("fields") || node.has("symbols") || node.has("size");
  }

  /** The first {@code "type"} value (or union branch) in document order that nothing defines. */
  private static String firstUnknownType(JsonNode node, Set<String> defined) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      String found = type == null ? null : unknownIn(type, defined);
      if (found != null) {
        return found;
      }
      for (JsonNode child : (Iterable<JsonNode>) node::elements) {
        found = firstUnknownType(child, defined);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        String found = firstUnknownType(child, defined);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String unknownIn(JsonNode type, Set<String> defined) {
    if (type.isTextual()) {
      String name = type.asText();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      return BUILT_IN.contains(name) || defined.contains(name) || defined.contains(simple) ? null : name;
    }
    if (type.isArray()) {
      for (JsonNode branch : type) {
        String found = unknownIn(branch, defined);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
