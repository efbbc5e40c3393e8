package dev.handshake.core.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Generates record schemas and plausible evolutions of them (fields added or dropped with and without
 * defaults, types changed or made nullable, enum symbols and fixed sizes changed, nested types renamed).
 */
final class RandomSchemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> PRIMITIVES = List.of("int", "long", "float", "double", "string", "bytes", "boolean");

  private final Random random;
  private int names;

  RandomSchemas(long seed) {
    this.random = new Random(seed);
  }

  ObjectNode record() {
    ObjectNode record = JSON.objectNode();
    record.put("type", "record");
    record.put("name", "Root");
    record.put("namespace", "random");
    ArrayNode fields = record.putArray("fields");
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      fields.add(field("f" + i, true));
    }
    return record;
  }

  /** A copy of {@code original} with one to three random changes. */
  ObjectNode evolve(ObjectNode original) {
    ObjectNode evolved = original.deepCopy();
    ArrayNode fields = (ArrayNode) evolved.get("fields");
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      int index = random.nextInt(fields.size());
      ObjectNode field = (ObjectNode) fields.get(index);
      switch (random.nextInt(7)) {
        case 0 -> fields.add(field("n" + names++, random.nextBoolean()));
        case 1 -> {
          if (fields.size() > 1) {
            fields.remove(index);
          }
        }
        case 2 -> {
          field.set("type", type(0));
          field.remove("default");
        }
        case 3 -> toggleNullable(field);
        case 4 -> field.remove("default");
        case 5 -> changeNamedType(field.get("type"));
        default -> {
          JsonNode defaultValue = defaultFor(field.get("type"));
          if (defaultValue != null) {
            field.set("default", defaultValue);
          }
        }
      }
    }
    return evolved;
  }

  private ObjectNode field(String name, boolean withDefault) {
    ObjectNode field = JSON.objectNode();
    field.put("name", name);
    JsonNode type = type(0);
    field.set("type", type);
    if (withDefault) {
      JsonNode defaultValue = defaultFor(type);
      if (defaultValue != null) {
        field.set("default", defaultValue);
      }
    }
    return field;
  }

  private JsonNode type(int depth) {
    int choice = random.nextInt(depth > 1 ? 2 : 8);
    return switch (choice) {
      case 0, 1 -> JSON.textNode(PRIMITIVES.get(random.nextInt(PRIMITIVES.size())));
      case 2 -> {
        ArrayNode union = JSON.arrayNode().add("null");
        union.add(PRIMITIVES.get(random.nextInt(PRIMITIVES.size())));
        if (random.nextBoolean()) {
          String extra = PRIMITIVES.get(random.nextInt(PRIMITIVES.size()));
          if (!union.toString().contains("\"" + extra + "\"")) {
            union.add(extra);
          }
        }
        yield union;
      }
      case 3 -> {
        ObjectNode enumType = JSON.objectNode().put("type", "enum").put("name", "E" + names++);
        ArrayNode symbols = enumType.putArray("symbols");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
          symbols.add("S" + i);
        }
        if (random.nextBoolean()) {
          enumType.put("default", "S0");
        }
        yield enumType;
      }
      case 4 -> JSON.objectNode().put("type", "array").set("items", type(depth + 1));
      case 5 -> JSON.objectNode().put("type", "map").set("values", type(depth + 1));
      case 6 -> JSON.objectNode().put("type", "fixed").put("name", "X" + names++).put("size", 1 + random.nextInt(4));
      default -> {
        ObjectNode nested = JSON.objectNode().put("type", "record").put("name", "R" + names++);
        ArrayNode fields = nested.putArray("fields");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          ObjectNode field = JSON.objectNode().put("name", "g" + i);
          field.set("type", type(depth + 1));
          fields.add(field);
        }
        yield nested;
      }
    };
  }

  private void toggleNullable(ObjectNode field) {
    JsonNode type = field.get("type");
    if (type.isArray() && type.size() == 2 && "null".equals(type.get(0).asText())) {
      field.set("type", type.get(1));
      field.remove("default");
    } else if (!type.isArray()) {
      field.set("type", JSON.arrayNode().add("null").add(type));
      field.set("default", JSON.nullNode());
    }
  }

  private void changeNamedType(JsonNode type) {
    if (!type.isObject()) {
      return;
    }
    ObjectNode named = (ObjectNode) type;
    switch (named.path("type").asText()) {
      case "enum" -> {
        ArrayNode symbols = (ArrayNode) named.get("symbols");
        if (random.nextBoolean() || symbols.size() == 1) {
          symbols.add("S" + (symbols.size() + 10));
        } else {
          symbols.remove(symbols.size() - 1);
        }
        if (random.nextInt(4) == 0) {
          named.remove("default");
        }
      }
      case "fixed" -> named.put("size", named.get("size").asInt() + 1);
      case "record" -> named.put("name", named.get("name").asText() + "Renamed");
      case "array" -> changeNamedType(named.get("items"));
      case "map" -> changeNamedType(named.get("values"));
      default -> {
      }
    }
  }

  /** A valid default for the type, or null for types whose defaults the generator does not write. */
  private static JsonNode defaultFor(JsonNode type) {
    if (type.isArray()) {
      return JSON.nullNode();
    }
    String kind = type.isTextual() ? type.asText() : type.path("type").asText();
    return switch (kind) {
      case "int", "long" -> JSON.numberNode(0);
      case "float", "double" -> JSON.numberNode(0.5);
      case "string", "bytes" -> JSON.textNode("");
      case "boolean" -> JSON.booleanNode(false);
      case "enum" -> JSON.textNode(type.get("symbols").get(0).asText());
      case "array" -> JSON.arrayNode();
      case "map" -> JSON.objectNode();
      default -> null;
    };
  }
}
