package dev.handshake.core.compat;

import dev.handshake.core.avro.TypeNames;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaPointerWalk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * The handler of the schema rules: checks one reader/writer pair with Avro's own resolution rules and turns
 * each incompatibility into a {@link Violation} (rule, pointer into the reader schema, a message that says which
 * side is newer, the fix). In {@link Direction#BACKWARD} the reader is the newer schema; in
 * {@link Direction#FORWARD} the writer is.
 */
public final class PairChecker {

  /** Findings located in the reader's file, where Avro's pointers point. */
  public List<Finding> check(SchemaVersion reader, SchemaVersion writer, Direction direction) {
    return violations(reader, writer, direction).stream()
        .map(violation -> Finding.of(violation, reader.file().locate(violation.pointer()))).toList();
  }

  /** The facts, for a caller that locates them elsewhere (the gate, in the producer's own file). */
  public List<Violation> violations(SchemaVersion reader, SchemaVersion writer, Direction direction) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(
        reader.file().schema(), writer.file().schema()).getResult();
    if (result.getIncompatibilities().isEmpty()) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>(result.getIncompatibilities().size());
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      violations.add(toViolation(incompatibility, reader, writer, direction));
    }
    return violations;
  }

  private Violation toViolation(Incompatibility incompatibility, SchemaVersion reader, SchemaVersion writer,
                                Direction direction) {
    Pair pair = new Pair(incompatibility, reader, writer, direction);
    String pointer = incompatibility.getLocation();
    Optional<Schema.Field> lacking = incompatibility.getType() == SchemaIncompatibilityType.TYPE_MISMATCH
        ? pair.fieldTheWriterLacks() : Optional.empty();
    if (lacking.isPresent()) {
      // Point at the field, as for any field without a default, not at its type.
      pointer = pointer.substring(0, pointer.length() - "/type".length());
    }
    Explanation explanation = lacking.isPresent() ? pair.missingField(pair.readerRecordOfField(), lacking.get().name())
        : switch (incompatibility.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE -> pair.missingField();
      case TYPE_MISMATCH -> pair.typeMismatch();
      case MISSING_UNION_BRANCH -> pair.missingUnionBranch();
      case MISSING_ENUM_SYMBOLS -> pair.missingEnumSymbols();
      case NAME_MISMATCH -> pair.nameMismatch();
      case FIXED_SIZE_MISMATCH -> pair.fixedSizeMismatch();
    };
    Facts details = Facts.of("direction", direction.name(), "reader", reader.label(), "writer", writer.label(),
        "path", pair.path.render(), "avro", incompatibility.getType().name() + ": " + incompatibility.getMessage());
    return new Violation(explanation.rule(), pointer, pair.path, explanation.message(), explanation.fix(), details);
  }

  private record Explanation(Rule rule, String message, String fix) {
  }

  /** The facts of one incompatibility, phrased from the newer and older side. */
  private static final class Pair {
    private final Incompatibility incompatibility;
    private final Schema readerFragment;
    private final Schema writerFragment;
    private final boolean writerIsNewer;
    private final String newer;
    private final String older;
    private final ValuePath path;
    private final List<String> segments;
    private final Schema readerRoot;

    Pair(Incompatibility incompatibility, SchemaVersion reader, SchemaVersion writer, Direction direction) {
      this.incompatibility = incompatibility;
      this.readerFragment = incompatibility.getReaderFragment();
      this.writerFragment = incompatibility.getWriterFragment();
      this.writerIsNewer = direction == Direction.FORWARD;
      this.newer = writerIsNewer ? writer.label() : reader.label();
      this.older = writerIsNewer ? reader.label() : writer.label();
      this.segments = SchemaPointerWalk.segments(incompatibility.getLocation());
      this.readerRoot = reader.file().schema();
      this.path = SchemaPointerWalk.walk(readerRoot, segments).valuePath();
    }

    /**
     * The reader's field at a TYPE_MISMATCH that the writer's record does not have at all. Avro compares such a
     * field's type with the writer's whole record when the field has no default but its type could supply one
     * (an enum with a default symbol): the mismatch "enum vs record" really means the field is missing, which
     * is what a decoder says ("missing required field").
     */
    Optional<Schema.Field> fieldTheWriterLacks() {
      int n = segments.size();
      if (writerFragment.getType() != Schema.Type.RECORD || n < 3 || !"type".equals(segments.get(n - 1))
          || !"fields".equals(segments.get(n - 3)) || !segments.get(n - 2).chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      Schema record = readerRecordOfField();
      int index = Integer.parseInt(segments.get(n - 2));
      if (record == null || record.getType() != Schema.Type.RECORD || index >= record.getFields().size()) {
        return Optional.empty();
      }
      Schema.Field field = record.getFields().get(index);
      if (field.schema() != readerFragment || SchemaCompatibility.lookupWriterField(writerFragment, field) != null) {
        return Optional.empty();
      }
      return Optional.of(field);
    }

    Schema readerRecordOfField() {
      return SchemaPointerWalk.walk(readerRoot, segments.subList(0, segments.size() - 3)).schema();
    }

    Explanation missingField() {
      return missingField(readerFragment, incompatibility.getMessage());
    }

    Explanation missingField(Schema readerRecord, String fieldName) {
      Schema.Field field = readerRecord.getField(fieldName);
      String type = field == null ? "?" : TypeNames.describe(field.schema());
      String record = readerRecord.getName();
      if (writerIsNewer) {
        return new Explanation(Rule.FIELD_REMOVED_WITHOUT_DEFAULT,
            "Field \"" + fieldName + "\" (" + type + ", no default) of record \"" + record + "\" was removed in "
                + newer + "; " + older + " requires it and cannot decode data written with " + newer + ".",
            "Restore \"" + fieldName + "\"; to retire it, first ship readers in which \"" + fieldName
                + "\" has a default, then remove it in a later release.");
      }
      return new Explanation(Rule.FIELD_ADDED_WITHOUT_DEFAULT,
          "Field \"" + fieldName + "\" (" + type + ") was added to record \"" + record + "\" in " + newer
              + " without a default; " + newer + " cannot decode data written with " + older
              + ", which has no \"" + fieldName + "\".",
          field != null && field.schema().getType() == Schema.Type.ENUM && field.schema().getEnumDefault() != null
              // An enum's default symbol is for unknown symbols only; the field itself still needs a default.
              ? "Give the field \"" + fieldName + "\" a default, e.g. \"default\": \""
                  + field.schema().getEnumDefault() + "\" (the enum's own default symbol does not cover a "
                  + "missing field)."
              : "Give \"" + fieldName + "\" a default (for an optional value: \"type\": [\"null\", "
                  + (field == null ? "\"string\"" : jsonType(field.schema())) + "], \"default\": null).");
    }

    Explanation typeMismatch() {
      String readerType = TypeNames.describe(readerFragment);
      String writerType = TypeNames.describe(writerFragment);
      if (writerFragment.getType() == Schema.Type.NULL) {
        if (writerIsNewer) {
          return new Explanation(Rule.TYPE_MADE_NULLABLE,
              "\"" + path + "\" was made nullable in " + newer + " (it was " + readerType + " in " + older
                  + "); " + older + " cannot decode a null value.",
              "Keep \"" + path + "\" non-null, or first ship readers whose type is [\"null\", " + jsonType(readerFragment)
                  + "], then let the writer send null.");
        }
        return new Explanation(Rule.UNION_BRANCH_REMOVED,
            "\"" + path + "\" no longer accepts null in " + newer + " (it is " + readerType
                + "); data written with " + older + " may hold null.",
            "Keep null in the type of \"" + path + "\" (e.g. [\"null\", " + jsonType(readerFragment) + "]).");
      }
      String oldType = writerIsNewer ? readerType : writerType;
      String newType = writerIsNewer ? writerType : readerType;
      return new Explanation(Rule.TYPE_CHANGED,
          "Type of \"" + path + "\" changed from " + oldType + " in " + older + " to " + newType + " in " + newer
              + "; a reader of " + readerType + " cannot decode " + writerType + " data.",
          "Keep " + oldType + ", change only along Avro's promotions (int→long→float→double, string↔bytes), "
              + "or add a new field with the new type and deprecate the old one.");
    }

    Explanation missingUnionBranch() {
      String readerType = TypeNames.describe(readerFragment);
      String branch = branchNotReadable();
      if (writerIsNewer) {
        return new Explanation(Rule.UNION_BRANCH_ADDED,
            "The type of \"" + path + "\" gained branch " + branch + " in " + newer + "; " + older
                + " reads it as " + readerType + " and has no branch for " + branch + ".",
            "Ship readers that accept " + branch + " first, then let the writer use it.");
      }
      return new Explanation(Rule.UNION_BRANCH_REMOVED,
          "The type of \"" + path + "\" lost branch " + branch + " in " + newer + " (now " + readerType
              + "); data written with " + older + " may use " + branch + ".",
          "Keep " + branch + " in the union until no data written with it remains.");
    }

    private String branchNotReadable() {
      if (writerFragment.getType() != Schema.Type.UNION) {
        return TypeNames.describe(writerFragment);
      }
      // Avro pushes the writer branch index last when the writer is a union.
      String location = incompatibility.getLocation();
      String last = location.substring(location.lastIndexOf('/') + 1);
      if (!last.isEmpty() && last.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(last);
        if (index < writerFragment.getTypes().size()) {
          return TypeNames.describe(writerFragment.getTypes().get(index));
        }
      }
      return TypeNames.describe(writerFragment);
    }

    Explanation missingEnumSymbols() {
      String missing = incompatibility.getMessage();
      List<String> oldSymbols = (writerIsNewer ? readerFragment : writerFragment).getEnumSymbols();
      List<String> newSymbols = (writerIsNewer ? writerFragment : readerFragment).getEnumSymbols();
      String name = readerFragment.getFullName();
      if (writerIsNewer) {
        return new Explanation(Rule.ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT,
            "Enum \"" + name + "\" gained symbols " + missing + " in " + newer + " (was " + oldSymbols + ", now "
                + newSymbols + "); " + older + " has no default symbol to decode them as.",
            "Give the enum a \"default\" symbol in every reader first, then add the symbols.");
      }
      return new Explanation(Rule.ENUM_SYMBOL_REMOVED,
          "Enum \"" + name + "\" lost symbols " + missing + " in " + newer + " (was " + oldSymbols + ", now "
              + newSymbols + "); data written with " + older + " may contain them.",
          "Restore the symbols, or give the enum in " + newer + " a \"default\" symbol to decode them as.");
    }

    Explanation nameMismatch() {
      String oldName = (writerIsNewer ? readerFragment : writerFragment).getFullName();
      String newName = (writerIsNewer ? writerFragment : readerFragment).getFullName();
      return new Explanation(Rule.NAME_CHANGED,
          "Type at \"" + path + "\" was renamed from \"" + oldName + "\" in " + older + " to \"" + newName
              + "\" in " + newer + " without an alias; a reader resolves named types by full name.",
          "Keep the name \"" + oldName + "\", or add \"aliases\": [\"" + oldName + "\"] to \"" + newName
              + "\" in every reader first.");
    }

    Explanation fixedSizeMismatch() {
      int oldSize = (writerIsNewer ? readerFragment : writerFragment).getFixedSize();
      int newSize = (writerIsNewer ? writerFragment : readerFragment).getFixedSize();
      return new Explanation(Rule.FIXED_SIZE_CHANGED,
          "Fixed \"" + readerFragment.getFullName() + "\" changed size from " + oldSize + " bytes in " + older
              + " to " + newSize + " bytes in " + newer + "; fixed values cannot be resized.",
          "Keep the size " + oldSize + "; for a different size add a new fixed type and a new field.");
    }

    /** How the type is written inside a schema's JSON, for fixes that show a union to write. */
    private static String jsonType(Schema schema) {
      return switch (schema.getType()) {
        case RECORD, ENUM, FIXED -> "\"" + schema.getFullName() + "\"";
        case ARRAY, MAP, UNION -> schema.toString();
        default -> "\"" + schema.getType().getName() + "\"";
      };
    }
  }
}
