package dev.handshake.core.avro;

import java.util.stream.Collectors;
import org.apache.avro.Schema;

/** Short names for Avro types in messages: {@code long (timestamp-millis)}, {@code [null, string]}. */
public final class TypeNames {
  private TypeNames() {
  }

  public static String describe(Schema schema) {
    if (schema == null) {
      return "?";
    }
    String logical = schema.getLogicalType() == null ? "" : " (" + schema.getLogicalType().getName() + ")";
    return switch (schema.getType()) {
      case RECORD -> "record " + schema.getFullName();
      case ENUM -> "enum " + schema.getFullName() + " " + schema.getEnumSymbols();
      case FIXED -> "fixed " + schema.getFullName() + logical;
      case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
      case MAP -> "map<" + describe(schema.getValueType()) + ">";
      case UNION -> schema.getTypes().stream().map(TypeNames::describe)
          .collect(Collectors.joining(", ", "[", "]"));
      default -> schema.getType().getName() + logical;
    };
  }
}
