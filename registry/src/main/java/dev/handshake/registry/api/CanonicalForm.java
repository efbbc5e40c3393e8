package dev.handshake.registry.api;

import dev.handshake.core.schema.NamedTypes;
import dev.handshake.core.schema.SchemaFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The text the registry stores and compares for a schema. We deliberately do not use Avro's parsing canonical
 * form: it drops defaults, so a schema that only gains a default would get the old schema's id.
 */
public final class CanonicalForm {
  private CanonicalForm() {
  }

  /** Avro's normalized JSON, keeping docs, defaults and aliases (they change meaning), referenced types by name. */
  static String of(SchemaFile file) {
    List<Schema> referenced = new ArrayList<>();
    for (SchemaFile reference : file.references()) {
      NamedTypes.collect(reference.schema(), referenced);
    }
    return referenced.isEmpty() ? file.schema().toString() : file.schema().toString(referenced, false);
  }
}
