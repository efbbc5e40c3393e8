package dev.handshake.core.schema;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Walks a schema for every named type (record, enum, fixed) it defines or uses: for parsing a schema with its
 * references, and for writing one with referenced types by name (the embedded registry's stored form).
 */
public final class NamedTypes {
  private NamedTypes() {
  }

  public static void collect(Schema schema, Collection<Schema> into) {
    walk(schema, into, new HashSet<>());
  }

  private static void walk(Schema schema, Collection<Schema> into, Set<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          into.add(schema);
          schema.getFields().forEach(field -> walk(field.schema(), into, seen));
        }
      }
      case ENUM, FIXED -> {
        if (seen.add(schema.getFullName())) {
          into.add(schema);
        }
      }
      case ARRAY -> walk(schema.getElementType(), into, seen);
      case MAP -> walk(schema.getValueType(), into, seen);
      case UNION -> schema.getTypes().forEach(branch -> walk(branch, into, seen));
      default -> {
      }
    }
  }
}
