package dev.handshake.registry.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the server on jackson-core's streaming API alone: values are {@code Map} (objects, insertion
 * ordered), {@code List}, {@code String}, {@code Number}, {@code Boolean} and null. jackson-databind would
 * triple the registry's start-up time (its classes are most of what the JVM loads before the first request),
 * and request and log bodies here are small, flat documents.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {
  }

  /** Parses one JSON document; malformed input or trailing content is a {@link JsonParseException}. */
  public static Object parse(byte[] bytes) throws IOException {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonParseException(parser, "no JSON value");
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "unexpected content after the JSON value");
      }
      return value;
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.put(name, read(parser, parser.nextToken()));
        }
        if (next != JsonToken.END_OBJECT) {
          throw new JsonParseException(parser, "unterminated object");
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new JsonParseException(parser, "unterminated array");
          }
          array.add(read(parser, next));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDecimalValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new JsonParseException(parser, "unexpected token " + token);
    }
  }

  public static byte[] write(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A generator writing to {@code out}, for answers streamed instead of built whole. */
  public static JsonGenerator generator(java.io.OutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  public static String writeString(Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  /** Writes one value (maps, lists, strings, numbers, booleans, null) to a streaming generator. */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(entry.getKey().toString());
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      generator.writeNumber(big);
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof Number number) {
      generator.writeNumber(number.doubleValue());
    } else {
      generator.writeString(value.toString());
    }
  }

  /** An ordered object from alternating keys and values. */
  public static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** The value as an int when it is an integral JSON number in int range, else null. */
  public static Integer intValue(Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    return null;
  }
}
