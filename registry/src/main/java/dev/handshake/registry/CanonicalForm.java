package dev.handshake.registry;

import dev.handshake.core.schema.SchemaFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The text the registry stores and compares for a schema. We deliberately do not use Avro's parsing canonical
 * form: it drops defaults, so a schema that only gains a default would get the old schema's id.
 */
final class CanonicalForm {
  private CanonicalForm() {
  }

  /** Avro's normalized JSON, keeping docs, defaults and aliases (they change meaning), referenced types by name. */
  static String of(SchemaFile file) {
    List<Schema> referenced = new ArrayList<>();
    for (SchemaFile reference : file.references()) {
      collectNamed(reference.schema(), referenced, new HashSet<>());
    }
    return referenced.isEmpty() ? file.schema().toString() : file.schema().toString(referenced, false);
  }

  private static void collectNamed(Schema schema, List<Schema> into, Set<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          into.add(schema);
          schema.getFields().forEach(f -> collectNamed(f.schema(), into, seen));
        }
      }
      case ENUM, FIXED -> {
        if (seen.add(schema.getFullName())) {
          into.add(schema);
        }
      }
      case ARRAY -> collectNamed(schema.getElementType(), into, seen);
      case MAP -> collectNamed(schema.getValueType(), into, seen);
      case UNION -> schema.getTypes().forEach(t -> collectNamed(t, into, seen));
      default -> {
      }
    }
  }
}
