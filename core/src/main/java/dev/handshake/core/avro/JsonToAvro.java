package dev.handshake.core.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.InvalidInputException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** JSON view back to the Avro value (raw representation); see {@link AvroJsonView}. */
final class JsonToAvro {
  static Object convert(JsonNode json, Schema schema, String path) {
    if (json == null || json.isMissingNode()) {
      throw misfit(path, schema, json);
    }
    LogicalType logical = schema.getLogicalType();
    if (logical != null) {
      Object value = logicalFromJson(json, schema, logical, path);
      if (value != NOT_LOGICAL) {
        return value;
      }
    }
    switch (schema.getType()) {
      case NULL -> {
        require(json.isNull(), path, schema, json);
        return null;
      }
      case BOOLEAN -> {
        require(json.isBoolean(), path, schema, json);
        return json.booleanValue();
      }
      case INT -> {
        require(json.isIntegralNumber() && json.canConvertToInt(), path, schema, json);
        return json.intValue();
      }
      case LONG -> {
        require(json.isIntegralNumber() && json.canConvertToLong(), path, schema, json);
        return json.longValue();
      }
      case FLOAT -> {
        return (float) floating(json, path, schema);
      }
      case DOUBLE -> {
        return floating(json, path, schema);
      }
      case STRING -> {
        require(json.isTextual(), path, schema, json);
        return json.textValue();
      }
      case BYTES -> {
        return ByteBuffer.wrap(decodeBase64(json, path, schema));
      }
      case FIXED -> {
        byte[] bytes = decodeBase64(json, path, schema);
        if (bytes.length != schema.getFixedSize()) {
          throw new InvalidInputException("The JSON value at " + path + " does not fit its schema: expected "
              + TypeNames.describe(schema) + " (" + schema.getFixedSize() + " bytes, base64), found "
              + bytes.length + " bytes.");
        }
        return new GenericData.Fixed(schema, bytes);
      }
      case ENUM -> {
        require(json.isTextual(), path, schema, json);
        if (!schema.getEnumSymbols().contains(json.textValue())) {
          throw new InvalidInputException("The JSON value at " + path + " is \"" + json.textValue()
              + "\", which is not a symbol of enum " + schema.getFullName() + " " + schema.getEnumSymbols() + ".");
        }
        return new GenericData.EnumSymbol(schema, json.textValue());
      }
      case ARRAY -> {
        require(json.isArray(), path, schema, json);
        List<Object> items = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
          items.add(convert(json.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        return new GenericData.Array<>(schema, items);
      }
      case MAP -> {
        require(json.isObject(), path, schema, json);
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
          map.put(entry.getKey(), convert(entry.getValue(), schema.getValueType(),
              JsonPaths.child(path, entry.getKey())));
        }
        return map;
      }
      case RECORD -> {
        return record(json, schema, path);
      }
      case UNION -> {
        return union(json, schema, path);
      }
      default -> throw new IllegalStateException("Unknown Avro type " + schema.getType());
    }
  }

  private static GenericRecord record(JsonNode json, Schema schema, String path) {
    require(json.isObject(), path, schema, json);
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (schema.getField(name) == null) {
        throw new InvalidInputException("The JSON object at " + path + " has field \"" + name
            + "\", which record " + schema.getFullName() + " does not have (its fields: "
            + schema.getFields().stream().map(Schema.Field::name).toList() + ").");
      }
    }
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = json.get(field.name());
      String fieldPath = JsonPaths.child(path, field.name());
      if (value == null) {
        if (!field.hasDefaultValue()) {
          throw new InvalidInputException("The JSON object at " + path + " has no field \"" + field.name()
              + "\", which record " + schema.getFullName() + " requires (" + TypeNames.describe(field.schema())
              + ", no default). Add \"" + field.name() + "\" to the JSON.");
        }
        record.put(field.pos(), GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field)));
      } else {
        record.put(field.pos(), convert(value, field.schema(), fieldPath));
      }
    }
    return record;
  }

  /** Null first, then the unnamed branches that take this JSON kind, then records, enums and fixed by shape. */
  private static Object union(JsonNode json, Schema schema, String path) {
    List<Schema> branches = schema.getTypes();
    if (json.isNull()) {
      for (Schema branch : branches) {
        if (branch.getType() == Schema.Type.NULL) {
          return null;
        }
      }
      throw misfit(path, schema, json);
    }
    for (boolean named : new boolean[] {false, true}) {
      for (Schema branch : branches) {
        boolean isNamed = branch.getType() == Schema.Type.RECORD || branch.getType() == Schema.Type.ENUM
            || branch.getType() == Schema.Type.FIXED;
        if (isNamed != named || branch.getType() == Schema.Type.NULL) {
          continue;
        }
        try {
          return convert(json, branch, path);
        } catch (InvalidInputException notThisBranch) {
          // try the next branch
        }
      }
    }
    throw misfit(path, schema, json);
  }

  private static final Object NOT_LOGICAL = new Object();

  private static Object logicalFromJson(JsonNode json, Schema schema, LogicalType logical, String path) {
    String name = logical.getName();
    try {
      switch (name) {
        case "timestamp-millis" -> {
          requireText(json, path, schema, "an ISO-8601 instant such as 2026-11-22T10:15:30.123Z");
          return Instant.parse(json.textValue()).toEpochMilli();
        }
        case "timestamp-micros" -> {
          requireText(json, path, schema, "an ISO-8601 instant such as 2026-11-22T10:15:30.123456Z");
          return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(json.textValue()));
        }
        case "local-timestamp-millis" -> {
          requireText(json, path, schema, "a local date-time such as 2026-11-22T10:15:30.123");
          return LocalDateTime.parse(json.textValue()).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        case "local-timestamp-micros" -> {
          requireText(json, path, schema, "a local date-time such as 2026-11-22T10:15:30.123456");
          return ChronoUnit.MICROS.between(Instant.EPOCH,
              LocalDateTime.parse(json.textValue()).toInstant(ZoneOffset.UTC));
        }
        case "date" -> {
          requireText(json, path, schema, "a date such as 2026-11-22");
          return (int) LocalDate.parse(json.textValue()).toEpochDay();
        }
        case "time-millis" -> {
          requireText(json, path, schema, "a time such as 10:15:30.123");
          return (int) (LocalTime.parse(json.textValue()).getLong(ChronoField.NANO_OF_DAY) / 1_000_000L);
        }
        case "time-micros" -> {
          requireText(json, path, schema, "a time such as 10:15:30.123456");
          return LocalTime.parse(json.textValue()).getLong(ChronoField.NANO_OF_DAY) / 1_000L;
        }
        case "uuid" -> {
          requireText(json, path, schema, "a UUID such as 123e4567-e89b-12d3-a456-426614174000");
          if (schema.getType() == Schema.Type.STRING) {
            return UUID.fromString(json.textValue()).toString();
          }
          return NOT_LOGICAL;
        }
        case "decimal" -> {
          return decimalFromJson(json, schema, (LogicalTypes.Decimal) logical, path);
        }
        default -> {
          return NOT_LOGICAL;
        }
      }
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      throw new InvalidInputException("The JSON value at " + path + " is " + json + ", which is not a valid "
          + TypeNames.describe(schema) + ": " + e.getMessage() + ".", e);
    }
  }

  private static Object decimalFromJson(JsonNode json, Schema schema, LogicalTypes.Decimal logical, String path) {
    if (!json.isNumber()) {
      throw misfit(path, schema, json);
    }
    BigDecimal value = json.isFloatingPointNumber() && !json.isBigDecimal()
        ? new BigDecimal(json.asText()) : json.decimalValue();
    BigDecimal scaled;
    try {
      scaled = value.setScale(logical.getScale());
    } catch (ArithmeticException e) {
      throw new InvalidInputException("The JSON value at " + path + " is " + value + ", which has more than "
          + logical.getScale() + " decimal places (" + TypeNames.describe(schema) + ").", e);
    }
    if (scaled.precision() > logical.getPrecision()) {
      throw new InvalidInputException("The JSON value at " + path + " is " + value + ", which has more than "
          + logical.getPrecision() + " digits (" + TypeNames.describe(schema) + ").");
    }
    byte[] unscaled = scaled.unscaledValue().toByteArray();
    if (schema.getType() == Schema.Type.BYTES) {
      return ByteBuffer.wrap(unscaled);
    }
    int size = schema.getFixedSize();
    if (unscaled.length > size) {
      throw new InvalidInputException("The JSON value at " + path + " is " + value + ", which does not fit in "
          + size + " bytes (" + TypeNames.describe(schema) + ").");
    }
    byte[] padded = new byte[size];
    byte pad = (byte) (scaled.signum() < 0 ? 0xFF : 0x00);
    int offset = size - unscaled.length;
    for (int i = 0; i < offset; i++) {
      padded[i] = pad;
    }
    System.arraycopy(unscaled, 0, padded, offset, unscaled.length);
    return new GenericData.Fixed(schema, padded);
  }

  private static double floating(JsonNode json, String path, Schema schema) {
    if (json.isNumber()) {
      return json.doubleValue();
    }
    if (json.isTextual()) {
      switch (json.textValue()) {
        case "NaN" -> {
          return Double.NaN;
        }
        case "Infinity" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Infinity" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> {
        }
      }
    }
    throw misfit(path, schema, json);
  }

  private static byte[] decodeBase64(JsonNode json, String path, Schema schema) {
    requireText(json, path, schema, "a base64 string (standard alphabet, with padding)");
    try {
      return Base64.getDecoder().decode(json.textValue());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("The JSON value at " + path + " is not valid base64 ("
          + e.getMessage() + "); " + TypeNames.describe(schema) + " is written as base64 with the standard "
          + "alphabet and padding.", e);
    }
  }

  private static void requireText(JsonNode json, String path, Schema schema, String expected) {
    if (!json.isTextual()) {
      throw new InvalidInputException("The JSON value at " + path + " is " + kind(json) + " " + json
          + "; expected " + TypeNames.describe(schema) + ", written as " + expected + ".");
    }
  }

  private static void require(boolean fits, String path, Schema schema, JsonNode json) {
    if (!fits) {
      throw misfit(path, schema, json);
    }
  }

  private static InvalidInputException misfit(String path, Schema schema, JsonNode json) {
    String found = json == null || json.isMissingNode() ? "nothing" : kind(json) + " " + abbreviate(json);
    return new InvalidInputException("The JSON value at " + path + " does not fit its schema: expected "
        + TypeNames.describe(schema) + ", found " + found + ".");
  }

  private static String abbreviate(JsonNode json) {
    String text = json.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static String kind(JsonNode json) {
    return switch (json.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
