package dev.handshake.core.avro;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Which branch of a union a Java value belongs to. Avro's own {@code GenericData.resolveUnion} only knows
 * the conversions registered on its model; this also accepts the converted values generated classes hold
 * (Instant, LocalDate, BigDecimal, UUID).
 */
final class UnionBranches {
  private UnionBranches() {
  }

  static Schema forDatum(Schema union, Object datum) {
    // Named types first by exact name, so a union of two records picks the record the datum was built for.
    if (datum instanceof GenericContainer container && container.getSchema() != null) {
      Schema own = container.getSchema();
      for (Schema branch : union.getTypes()) {
        if (branch.getType() == own.getType() && isNamed(branch) && branch.getFullName().equals(own.getFullName())) {
          return branch;
        }
      }
    }
    for (Schema branch : union.getTypes()) {
      if (accepts(branch, datum)) {
        return branch;
      }
    }
    return null;
  }

  private static boolean isNamed(Schema schema) {
    return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED;
  }

  private static boolean accepts(Schema branch, Object datum) {
    String logical = branch.getLogicalType() == null ? "" : branch.getLogicalType().getName();
    switch (logical) {
      case "timestamp-millis", "timestamp-micros" -> {
        if (datum instanceof Instant) {
          return true;
        }
      }
      case "local-timestamp-millis", "local-timestamp-micros" -> {
        if (datum instanceof LocalDateTime) {
          return true;
        }
      }
      case "date" -> {
        if (datum instanceof LocalDate) {
          return true;
        }
      }
      case "time-millis", "time-micros" -> {
        if (datum instanceof LocalTime) {
          return true;
        }
      }
      case "uuid" -> {
        if (datum instanceof UUID) {
          return true;
        }
      }
      case "decimal" -> {
        if (datum instanceof BigDecimal) {
          return true;
        }
      }
      default -> {
      }
    }
    return switch (branch.getType()) {
      case NULL -> datum == null;
      case BOOLEAN -> datum instanceof Boolean;
      case INT -> datum instanceof Integer || datum instanceof Short || datum instanceof Byte;
      case LONG -> datum instanceof Long;
      case FLOAT -> datum instanceof Float;
      case DOUBLE -> datum instanceof Double;
      case STRING -> datum instanceof CharSequence;
      case BYTES -> datum instanceof ByteBuffer;
      case FIXED -> datum instanceof GenericFixed fixed && fixed.bytes().length == branch.getFixedSize();
      case ENUM -> (datum instanceof GenericEnumSymbol<?> || datum instanceof Enum<?>)
          && branch.getEnumSymbols().contains(datum.toString());
      case RECORD -> datum instanceof IndexedRecord record
          && (record.getSchema() == null || record.getSchema().getFullName().equals(branch.getFullName()));
      case ARRAY -> datum instanceof Collection<?>;
      case MAP -> datum instanceof Map<?, ?>;
      case UNION -> false;
    };
  }
}
