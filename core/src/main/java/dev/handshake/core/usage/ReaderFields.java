package dev.handshake.core.usage;

import dev.handshake.core.contract.ExpectedPaths;
import dev.handshake.core.contract.MessageInteraction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * What one contract interaction reads, in the usage map's words: every field of its reader schema (the consumer's
 * deserializer decodes each of them), and whether the contract asserts it ({@link ExpectedPaths}). Used where no
 * producer schema is at hand to walk beside it, as {@code can-i-retire} lists what an old topic's readers read.
 */
public final class ReaderFields {

  /** A field the reader decodes, by its path as contracts name it ({@code $.roles[*].name}), and how it is used. */
  public record ReadField(String path, FieldUse use) {
    public String describe() {
      return path + " (" + (use == FieldUse.ASSERTS ? "asserts" : "decodes") + ")";
    }
  }

  private ReaderFields() {
  }

  public static List<ReadField> of(MessageInteraction interaction, Schema reader) {
    List<ReadField> fields = new ArrayList<>();
    walk(reader, "$", List.of(), interaction, fields, new HashSet<>());
    return fields;
  }

  private static void walk(Schema schema, String path, List<String> steps, MessageInteraction interaction,
                           List<ReadField> fields, Set<String> onPath) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!onPath.add(schema.getFullName())) {
          return; // a recursive type is listed once, at its outer occurrence
        }
        for (Schema.Field field : schema.getFields()) {
          List<String> inside = then(steps, field.name());
          String fieldPath = path + "." + field.name();
          fields.add(new ReadField(fieldPath, ExpectedPaths.names(interaction, inside) ? FieldUse.ASSERTS
              : FieldUse.DECODES));
          walk(field.schema(), fieldPath, inside, interaction, fields, onPath);
        }
        onPath.remove(schema.getFullName());
      }
      case UNION -> schema.getTypes().forEach(branch -> walk(branch, path, steps, interaction, fields, onPath));
      case ARRAY -> walk(schema.getElementType(), path + ExpectedPaths.ANY_INDEX, then(steps,
          ExpectedPaths.ANY_INDEX), interaction, fields, onPath);
      case MAP -> walk(schema.getValueType(), path + "." + ExpectedPaths.ANY_KEY, then(steps, ExpectedPaths.ANY_KEY),
          interaction, fields, onPath);
      default -> {
      }
    }
  }

  private static List<String> then(List<String> steps, String step) {
    List<String> longer = new ArrayList<>(steps);
    longer.add(step);
    return longer;
  }
}
