package dev.handshake.core.schema;

import dev.handshake.core.avro.TypeNames;
import dev.handshake.core.rules.ValuePath;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The one walk of an Avro schema by a JSON pointer of Avro's compatibility checker
 * ({@code /fields/2/type/items/fields/0/type/1}): each segment is a step into a field, an array's items, a
 * map's values or a union's branch. Findings name the value the pointer reaches ({@link Walk#valuePath()}), the
 * engine reads the schema there, and the gate carries a reader's pointer over to the writer's schema field by
 * field name ({@link #translate}). {@link SchemaFile#locate} follows the same pointer through the text instead,
 * for a line and column, across the named types the text only mentions by name.
 */
public final class SchemaPointerWalk {
  private SchemaPointerWalk() {
  }

  /** What a step went into. */
  public enum Kind { FIELD, TYPE, ITEMS, VALUES, BRANCH, SYMBOLS }

  /**
   * One step of the walk.
   *
   * @param field  the field entered (FIELD only)
   * @param schema the schema reached
   */
  public record Step(Kind kind, Schema.Field field, Schema schema) {
  }

  /**
   * The steps a pointer took from its root.
   *
   * @param complete false when the pointer leaves the schema (a segment the schema there does not have); the
   *                 steps then end where it left
   */
  public record Walk(Schema root, List<Step> steps, boolean complete) {
    /** The schema the pointer names, or null when the pointer leaves the schema. */
    public Schema schema() {
      if (!complete) {
        return null;
      }
      return steps.isEmpty() ? root : steps.get(steps.size() - 1).schema();
    }

    /** The value as findings name it, from the record the pointer starts at: {@code User.address.city}. */
    public ValuePath valuePath() {
      List<ValuePath.Step> path = new ArrayList<>();
      for (Step step : steps) {
        switch (step.kind()) {
          case FIELD -> path.add(ValuePath.Step.field(step.field().name()));
          case ITEMS -> path.add(ValuePath.Step.item(-1));
          case VALUES -> path.add(ValuePath.Step.mapValue());
          default -> {
          }
        }
      }
      return ValuePath.schema(root.getType() == Schema.Type.RECORD ? root.getName() : TypeNames.describe(root), path);
    }
  }

  /** The segments of a JSON pointer, unescaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). */
  public static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    for (String raw : (pointer == null ? "" : pointer).split("/")) {
      if (!raw.isEmpty()) {
        segments.add(raw.replace("~1", "/").replace("~0", "~"));
      }
    }
    return segments;
  }

  public static Walk walk(Schema root, String pointer) {
    return walk(root, segments(pointer));
  }

  public static Walk walk(Schema root, List<String> segments) {
    List<Step> steps = new ArrayList<>();
    Schema current = root;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      Step step = switch (segment) {
        case "fields" -> i + 1 < segments.size() ? field(current, segments.get(++i)) : null;
        case "type" -> new Step(Kind.TYPE, null, current);
        case "items" -> current.getType() == Schema.Type.ARRAY
            ? new Step(Kind.ITEMS, null, current.getElementType()) : null;
        case "values" -> current.getType() == Schema.Type.MAP
            ? new Step(Kind.VALUES, null, current.getValueType()) : null;
        case "symbols" -> current.getType() == Schema.Type.ENUM ? new Step(Kind.SYMBOLS, null, current) : null;
        default -> branch(current, segment);
      };
      if (step == null) {
        return new Walk(root, steps, false);
      }
      steps.add(step);
      current = step.schema();
    }
    return new Walk(root, steps, true);
  }

  private static Step field(Schema record, String index) {
    if (record.getType() != Schema.Type.RECORD || !isIndex(index)) {
      return null;
    }
    int position = Integer.parseInt(index);
    if (position >= record.getFields().size()) {
      return null;
    }
    Schema.Field field = record.getFields().get(position);
    return new Step(Kind.FIELD, field, field.schema());
  }

  private static Step branch(Schema union, String index) {
    if (union.getType() != Schema.Type.UNION || !isIndex(index)) {
      return null;
    }
    int position = Integer.parseInt(index);
    return position < union.getTypes().size() ? new Step(Kind.BRANCH, null, union.getTypes().get(position)) : null;
  }

  private static boolean isIndex(String segment) {
    return !segment.isEmpty() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit);
  }

  /**
   * Carries a pointer into the reader's schema over to the writer's, field by field name (or a reader's alias),
   * so a finding can point into the producer's own {@code .avsc}. Where the writer has no counterpart (a
   * removed field, another kind of type, a union's branch whose position may differ) it stops at the nearest
   * enclosing part the writer does have; a removed field points at the writer's {@code /fields}.
   */
  public static String translate(Schema reader, Schema writer, String readerPointer) {
    StringBuilder out = new StringBuilder();
    Schema w = writer;
    for (Step step : walk(reader, readerPointer).steps()) {
      switch (step.kind()) {
        case FIELD -> {
          if (w.getType() != Schema.Type.RECORD) {
            return out.toString();
          }
          Schema.Field writerField = writerField(w, step.field());
          if (writerField == null) {
            return out.append("/fields").toString();
          }
          out.append("/fields/").append(writerField.pos());
          w = writerField.schema();
        }
        case TYPE -> out.append("/type");
        case ITEMS -> {
          if (w.getType() != Schema.Type.ARRAY) {
            return out.toString();
          }
          out.append("/items");
          w = w.getElementType();
        }
        case VALUES -> {
          if (w.getType() != Schema.Type.MAP) {
            return out.toString();
          }
          out.append("/values");
          w = w.getValueType();
        }
        case SYMBOLS -> {
          return w.getType() == Schema.Type.ENUM ? out.append("/symbols").toString() : out.toString();
        }
        case BRANCH -> {
          return out.toString();
        }
        default -> throw new IllegalStateException("unknown step " + step.kind());
      }
    }
    return out.toString();
  }

  private static Schema.Field writerField(Schema writer, Schema.Field readerField) {
    Schema.Field field = writer.getField(readerField.name());
    for (String alias : readerField.aliases()) {
      if (field != null) {
        break;
      }
      field = writer.getField(alias);
    }
    return field;
  }
}
