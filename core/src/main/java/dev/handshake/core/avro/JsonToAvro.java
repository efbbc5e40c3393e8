package dev.handshake.core.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** JSON view back to the Avro value (raw representation); see {@link AvroJsonView}. */
final class JsonToAvro {
  private JsonToAvro() {
  }

  static Object convert(JsonNode json, Schema schema, String path) {
    if (json == null || json.isMissingNode()) {
      throw JsonMisfits.misfit(path, schema, json);
    }
    LogicalType logical = schema.getLogicalType();
    if (logical != null) {
      Optional<Object> value = JsonLogicalTypes.fromJson(json, schema, logical, path);
      if (value.isPresent()) {
        return value.get();
      }
    }
    switch (schema.getType()) {
      case NULL -> {
        JsonMisfits.require(json.isNull(), path, schema, json);
        return null;
      }
      case BOOLEAN -> {
        JsonMisfits.require(json.isBoolean(), path, schema, json);
        return json.booleanValue();
      }
      case INT -> {
        JsonMisfits.require(json.isIntegralNumber() && json.canConvertToInt(), path, schema, json);
        return json.intValue();
      }
      case LONG -> {
        JsonMisfits.require(json.isIntegralNumber() && json.canConvertToLong(), path, schema, json);
        return json.longValue();
      }
      case FLOAT -> {
        return (float) floating(json, path, schema);
      }
      case DOUBLE -> {
        return floating(json, path, schema);
      }
      case STRING -> {
        JsonMisfits.require(json.isTextual(), path, schema, json);
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
        JsonMisfits.require(json.isTextual(), path, schema, json);
        if (!schema.getEnumSymbols().contains(json.textValue())) {
          throw new InvalidInputException("The JSON value at " + path + " is \"" + json.textValue()
              + "\", which is not a symbol of enum " + schema.getFullName() + " " + schema.getEnumSymbols() + ".");
        }
        return new GenericData.EnumSymbol(schema, json.textValue());
      }
      case ARRAY -> {
        JsonMisfits.require(json.isArray(), path, schema, json);
        List<Object> items = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
          items.add(convert(json.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        return new GenericData.Array<>(schema, items);
      }
      case MAP -> {
        JsonMisfits.require(json.isObject(), path, schema, json);
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
    JsonMisfits.require(json.isObject(), path, schema, json);
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
      throw JsonMisfits.misfit(path, schema, json);
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
    throw JsonMisfits.misfit(path, schema, json);
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
    throw JsonMisfits.misfit(path, schema, json);
  }

  private static byte[] decodeBase64(JsonNode json, String path, Schema schema) {
    JsonMisfits.requireText(json, path, schema, "a base64 string (standard alphabet, with padding)");
    try {
      return Base64.getDecoder().decode(json.textValue());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("The JSON value at " + path + " is not valid base64 ("
          + e.getMessage() + "); " + TypeNames.describe(schema) + " is written as base64 with the standard "
          + "alphabet and padding.", e);
    }
  }
}
