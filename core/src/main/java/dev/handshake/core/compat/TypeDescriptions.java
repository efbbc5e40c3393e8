package dev.handshake.core.compat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/** Short, human names for Avro types, as messages print them. */
final class TypeDescriptions {
  private TypeDescriptions() {
  }

  static String describe(Schema schema) {
    if (schema == null) {
      return "?";
    }
    String logical = schema.getLogicalType() == null ? "" : " (" + schema.getLogicalType().getName() + ")";
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getFullName();
      case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
      case MAP -> "map<" + describe(schema.getValueType()) + ">";
      case UNION -> schema.getTypes().stream().map(TypeDescriptions::describe)
          .collect(Collectors.joining(", ", "[", "]"));
      default -> schema.getType().getName() + logical;
    };
  }

  /** The path of the value a pointer names, from the record the pointer starts at: {@code User.address.city}. */
  static String valuePath(Schema root, List<String> segments) {
    StringBuilder path = new StringBuilder(root.getType() == Schema.Type.RECORD ? root.getName() : describe(root));
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
    return path.toString();
  }
}
