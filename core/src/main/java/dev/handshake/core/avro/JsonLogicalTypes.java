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
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** Logical types from their JSON view (ISO-8601 dates and times, UUIDs, decimals as numbers); see AvroJsonView. */
final class JsonLogicalTypes {
  private JsonLogicalTypes() {
  }

  /**
   * The raw Avro value of a logical type's JSON form (an ISO-8601 instant for {@code timestamp-millis}, a number
   * for {@code decimal}, ...), or empty when the JSON view writes this logical type as its underlying type.
   */
  static Optional<Object> fromJson(JsonNode json, Schema schema, LogicalType logical, String path) {
    String name = logical.getName();
    try {
      switch (name) {
        case "timestamp-millis" -> {
          JsonMisfits.requireText(json, path, schema, "an ISO-8601 instant such as 2026-11-22T10:15:30.123Z");
          return Optional.of(Instant.parse(json.textValue()).toEpochMilli());
        }
        case "timestamp-micros" -> {
          JsonMisfits.requireText(json, path, schema, "an ISO-8601 instant such as 2026-11-22T10:15:30.123456Z");
          return Optional.of(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(json.textValue())));
        }
        case "local-timestamp-millis" -> {
          JsonMisfits.requireText(json, path, schema, "a local date-time such as 2026-11-22T10:15:30.123");
          return Optional.of(LocalDateTime.parse(json.textValue()).toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        case "local-timestamp-micros" -> {
          JsonMisfits.requireText(json, path, schema, "a local date-time such as 2026-11-22T10:15:30.123456");
          return Optional.of(ChronoUnit.MICROS.between(Instant.EPOCH,
              LocalDateTime.parse(json.textValue()).toInstant(ZoneOffset.UTC)));
        }
        case "date" -> {
          JsonMisfits.requireText(json, path, schema, "a date such as 2026-11-22");
          return Optional.of((int) LocalDate.parse(json.textValue()).toEpochDay());
        }
        case "time-millis" -> {
          JsonMisfits.requireText(json, path, schema, "a time such as 10:15:30.123");
          return Optional.of((int) (LocalTime.parse(json.textValue()).getLong(ChronoField.NANO_OF_DAY) / 1_000_000L));
        }
        case "time-micros" -> {
          JsonMisfits.requireText(json, path, schema, "a time such as 10:15:30.123456");
          return Optional.of(LocalTime.parse(json.textValue()).getLong(ChronoField.NANO_OF_DAY) / 1_000L);
        }
        case "uuid" -> {
          JsonMisfits.requireText(json, path, schema, "a UUID such as 123e4567-e89b-12d3-a456-426614174000");
          if (schema.getType() == Schema.Type.STRING) {
            return Optional.of(UUID.fromString(json.textValue()).toString());
          }
          return Optional.empty();
        }
        case "decimal" -> {
          return Optional.of(decimalFromJson(json, schema, (LogicalTypes.Decimal) logical, path));
        }
        default -> {
          return Optional.empty();
        }
      }
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      throw new InvalidInputException("The JSON value at " + path + " is " + json + ", which is not a valid "
          + TypeNames.describe(schema) + ": " + e.getMessage() + ".", e);
    }
  }

  private static Object decimalFromJson(JsonNode json, Schema schema, LogicalTypes.Decimal logical, String path) {
    if (!json.isNumber()) {
      throw JsonMisfits.misfit(path, schema, json);
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
}
