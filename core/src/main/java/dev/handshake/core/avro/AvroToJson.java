package dev.handshake.core.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/** Avro value to its JSON view; see {@link AvroJsonView}. */
final class AvroToJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final DateTimeFormatter MILLIS_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
  private static final DateTimeFormatter MICROS_LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIME_MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final DateTimeFormatter TIME_MICROS = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  JsonNode convert(Object datum, Schema schema, String path) {
    LogicalType logical = schema.getLogicalType();
    if (logical != null && datum != null) {
      JsonNode node = logicalToJson(datum, schema, logical, path);
      if (node != null) {
        return node;
      }
    }
    return switch (schema.getType()) {
      case NULL -> {
        if (datum != null) {
          throw mismatch(path, schema, datum);
        }
        yield NODES.nullNode();
      }
      case BOOLEAN -> NODES.booleanNode(cast(datum, Boolean.class, schema, path));
      case INT -> NODES.numberNode(cast(datum, Number.class, schema, path).intValue());
      case LONG -> NODES.numberNode(cast(datum, Number.class, schema, path).longValue());
      case FLOAT -> floating(cast(datum, Number.class, schema, path).floatValue());
      case DOUBLE -> floating(cast(datum, Number.class, schema, path).doubleValue());
      case STRING -> NODES.textNode(cast(datum, CharSequence.class, schema, path).toString());
      case BYTES -> NODES.textNode(base64(bytes(cast(datum, ByteBuffer.class, schema, path))));
      case FIXED -> NODES.textNode(base64(cast(datum, GenericFixed.class, schema, path).bytes()));
      case ENUM -> {
        if (!(datum instanceof GenericEnumSymbol<?>) && !(datum instanceof Enum<?>)
            && !(datum instanceof CharSequence)) {
          throw mismatch(path, schema, datum);
        }
        yield NODES.textNode(datum.toString());
      }
      case ARRAY -> {
        Collection<?> items = cast(datum, Collection.class, schema, path);
        ArrayNode array = NODES.arrayNode(items.size());
        int index = 0;
        for (Object item : items) {
          array.add(convert(item, schema.getElementType(), path + "[" + index++ + "]"));
        }
        yield array;
      }
      case MAP -> {
        Map<?, ?> map = cast(datum, Map.class, schema, path);
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = entry.getKey().toString();
          object.set(key, convert(entry.getValue(), schema.getValueType(), JsonPaths.child(path, key)));
        }
        yield object;
      }
      case RECORD -> {
        IndexedRecord record = cast(datum, IndexedRecord.class, schema, path);
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
          object.set(field.name(), convert(valueOf(record, field), field.schema(),
              JsonPaths.child(path, field.name())));
        }
        yield object;
      }
      case UNION -> {
        Schema branch = UnionBranches.forDatum(schema, datum);
        if (branch == null) {
          throw mismatch(path, schema, datum);
        }
        yield convert(datum, branch, path);
      }
    };
  }

  /** Reads by name when the record was built for another schema version (e.g. a generated class). */
  private static Object valueOf(IndexedRecord record, Schema.Field field) {
    if (record.getSchema() == null || record.getSchema().getFields().size() <= field.pos()
        || !record.getSchema().getFields().get(field.pos()).name().equals(field.name())) {
      if (record instanceof GenericRecord generic && generic.hasField(field.name())) {
        return generic.get(field.name());
      }
      Schema.Field own = record.getSchema() == null ? null : record.getSchema().getField(field.name());
      return own == null ? null : record.get(own.pos());
    }
    return record.get(field.pos());
  }

  private JsonNode logicalToJson(Object datum, Schema schema, LogicalType logical, String path) {
    String name = logical.getName();
    switch (name) {
      case "timestamp-millis" -> {
        Instant instant = datum instanceof Instant i ? i : Instant.ofEpochMilli(asLong(datum, schema, path));
        return NODES.textNode(MILLIS_UTC.format(instant));
      }
      case "timestamp-micros" -> {
        Instant instant = datum instanceof Instant i ? i : microsToInstant(asLong(datum, schema, path));
        return NODES.textNode(MICROS_UTC.format(instant));
      }
      case "local-timestamp-millis" -> {
        LocalDateTime time = datum instanceof LocalDateTime t ? t
            : LocalDateTime.ofInstant(Instant.ofEpochMilli(asLong(datum, schema, path)), ZoneOffset.UTC);
        return NODES.textNode(MILLIS_LOCAL.format(time));
      }
      case "local-timestamp-micros" -> {
        LocalDateTime time = datum instanceof LocalDateTime t ? t
            : LocalDateTime.ofInstant(microsToInstant(asLong(datum, schema, path)), ZoneOffset.UTC);
        return NODES.textNode(MICROS_LOCAL.format(time));
      }
      case "date" -> {
        LocalDate date = datum instanceof LocalDate d ? d : LocalDate.ofEpochDay(asLong(datum, schema, path));
        return NODES.textNode(date.toString());
      }
      case "time-millis" -> {
        LocalTime time = datum instanceof LocalTime t ? t
            : LocalTime.ofNanoOfDay(asLong(datum, schema, path) * 1_000_000L);
        return NODES.textNode(TIME_MILLIS.format(time));
      }
      case "time-micros" -> {
        LocalTime time = datum instanceof LocalTime t ? t
            : LocalTime.ofNanoOfDay(asLong(datum, schema, path) * 1_000L);
        return NODES.textNode(TIME_MICROS.format(time));
      }
      case "uuid" -> {
        return NODES.textNode(datum.toString());
      }
      case "decimal" -> {
        return NODES.numberNode(decimal(datum, schema, (LogicalTypes.Decimal) logical, path));
      }
      default -> {
        return null;
      }
    }
  }

  private static BigDecimal decimal(Object datum, Schema schema, LogicalTypes.Decimal logical, String path) {
    if (datum instanceof BigDecimal value) {
      return value.setScale(logical.getScale());
    }
    byte[] unscaled;
    if (datum instanceof ByteBuffer buffer) {
      unscaled = bytes(buffer);
    } else if (datum instanceof GenericFixed fixed) {
      unscaled = fixed.bytes();
    } else {
      throw mismatch(path, schema, datum);
    }
    return new BigDecimal(new BigInteger(unscaled), logical.getScale());
  }

  private static long asLong(Object datum, Schema schema, String path) {
    if (datum instanceof Number number) {
      return number.longValue();
    }
    throw mismatch(path, schema, datum);
  }

  private static Instant microsToInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static JsonNode floating(double value) {
    if (Double.isNaN(value)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(value)) {
      return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(value);
  }

  private static JsonNode floating(float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      return floating((double) value);
    }
    // Through the decimal string so 0.1f reads 0.1, not 0.10000000149011612.
    return NODES.numberNode(new BigDecimal(Float.toString(value)));
  }

  private static <T> T cast(Object datum, Class<T> type, Schema schema, String path) {
    if (type.isInstance(datum)) {
      return type.cast(datum);
    }
    throw mismatch(path, schema, datum);
  }

  private static InvalidInputException mismatch(String path, Schema schema, Object datum) {
    return new InvalidInputException("The Avro value at " + path + " does not fit its schema: expected "
        + TypeNames.describe(schema) + ", found " + (datum == null ? "null" : datum.getClass().getName()
        + " " + abbreviate(datum)) + ". Build the event with the same schema the producer writes with.");
  }

  private static String abbreviate(Object datum) {
    String text = String.valueOf(datum);
    return text.length() > 60 ? "\"" + text.substring(0, 57) + "...\"" : "\"" + text + "\"";
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
