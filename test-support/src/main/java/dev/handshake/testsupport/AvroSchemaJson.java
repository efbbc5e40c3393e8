package dev.handshake.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Changes an Avro schema's JSON as parsed JSON, never as text: a test that replaced {@code ["ACTIVE", "SUSPENDED"]}
 * in a file missed it once the file was re-indented. Each change fails when the schema has nothing to change, so
 * a renamed type or field stops the test instead of leaving the schema as it was.
 */
public final class AvroSchemaJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroSchemaJson() {
    }

    /** Every definition of the enum {@code name} (simple or full name) in {@code schema}, with {@code symbols}. */
    public static String withEnumSymbols(String schema, String name, List<String> symbols) {
        return editEnums(schema, name, definition -> {
            ArrayNode array = definition.putArray("symbols");
            symbols.forEach(array::add);
        });
    }

    /** Every definition of the enum {@code name} in {@code schema}, with {@code symbol} as its default. */
    public static String withEnumDefault(String schema, String name, String symbol) {
        return editEnums(schema, name, definition -> definition.put("default", symbol));
    }

    /** {@code schema}, a record, without its field {@code field}. */
    public static String withoutField(String schema, String field) {
        ObjectNode root = parse(schema);
        JsonNode fields = root.path("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (field.equals(fields.get(i).path("name").asText())) {
                ((ArrayNode) fields).remove(i);
                return write(root);
            }
        }
        throw new IllegalArgumentException("the schema " + root.path("name").asText() + " has no field \"" + field + "\"");
    }

    /** {@code schema}, a record, with {@code fieldJson} (one field's JSON object) as its first field. */
    public static String withFirstField(String schema, String fieldJson) {
        ObjectNode root = parse(schema);
        if (!root.path("fields").isArray()) {
            throw new IllegalArgumentException("the schema " + root.path("name").asText() + " is not a record");
        }
        ((ArrayNode) root.get("fields")).insert(0, parse(fieldJson));
        return write(root);
    }

    /** Writes {@code target} as {@code source} changed by {@code change}. */
    public static void copy(Path source, Path target, UnaryOperator<String> change) {
        try {
            Files.writeString(target, change.apply(Files.readString(source)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + target, e);
        }
    }

    private static String editEnums(String schema, String name, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode root = parse(schema);
        List<ObjectNode> definitions = new ArrayList<>();
        collectEnums(root, "", name, definitions);
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("the schema defines no enum named " + name);
        }
        definitions.forEach(change);
        return write(root);
    }

    /** Named types inherit the namespace of the type around them, as Avro resolves full names. */
    private static void collectEnums(JsonNode node, String namespace, String name, List<ObjectNode> found) {
        String inner = namespace;
        if (node instanceof ObjectNode object && object.has("name") && object.has("type")) {
            String simple = object.path("name").asText();
            String space = object.has("namespace") ? object.get("namespace").asText() : namespace;
            String full = simple.contains(".") || space.isEmpty() ? simple : space + "." + simple;
            if ("enum".equals(object.path("type").asText()) && (name.equals(simple) || name.equals(full))) {
                found.add(object);
            }
            if ("record".equals(object.path("type").asText()) || "error".equals(object.path("type").asText())) {
                inner = full.contains(".") ? full.substring(0, full.lastIndexOf('.')) : "";
            }
        }
        String enclosing = inner;
        node.forEach(child -> collectEnums(child, enclosing, name, found));
    }

    private static ObjectNode parse(String schema) {
        try {
            if (JSON.readTree(schema) instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("not an Avro schema object: " + schema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
