package dev.handshake.core.compat;

import dev.handshake.core.avro.TypeNames;
import java.util.List;
import org.apache.avro.Schema;

/** Human-readable paths of values inside a schema, as findings name them. */
final class ValuePaths {
  private ValuePaths() {
  }

  /** The path of the value a pointer names, from the record the pointer starts at: {@code User.address.city}. */
  static String of(Schema root, List<String> segments) {
    return walk(root, segments).path();
  }

  /** The schema a pointer names, or null when the pointer leaves the schema. */
  static Schema schemaAt(Schema root, List<String> segments) {
    return walk(root, segments).schema();
  }

  private record Walked(String path, Schema schema) {
  }

  private static Walked walk(Schema root, List<String> segments) {
    StringBuilder path = new StringBuilder(
        root.getType() == Schema.Type.RECORD ? root.getName() : TypeNames.describe(root));
    Schema current = root;
    for (int i = 0; i < segments.size() && current != null; i++) {
      String segment = segments.get(i);
      switch (segment) {
        case "fields" -> {
          if (i + 1 < segments.size() && current.getType() == Schema.Type.RECORD) {
            int index = Integer.parseInt(segments.get(++i));
            if (index < current.getFields().size()) {
              Schema.Field field = current.getFields().get(index);
              path.append('.').append(field.name());
              current = field.schema();
            } else {
              current = null;
            }
          }
        }
        case "type" -> {
        }
        case "items" -> {
          path.append("[]");
          current = current.getType() == Schema.Type.ARRAY ? current.getElementType() : null;
        }
        case "values" -> {
          path.append("{}");
          current = current.getType() == Schema.Type.MAP ? current.getValueType() : null;
        }
        default -> {
          if (current.getType() == Schema.Type.UNION && segment.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment);
            current = index < current.getTypes().size() ? current.getTypes().get(index) : null;
          } else {
            current = null;
          }
        }
      }
    }
    return new Walked(path.toString(), current);
  }
}
