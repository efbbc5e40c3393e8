package dev.handshake.example.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A request's JSON object body and its query parameters, read so that every bad value names its field. */
public final class JsonRequest {
  private final ObjectNode body;

  private JsonRequest(ObjectNode body) {
    this.body = body;
  }

  /** The body as a JSON object; a 400 naming {@code body} when it is empty, not JSON or not an object. */
  public static JsonRequest of(Context ctx) {
    String text = utf8(ctx.bodyAsBytes());
    if (text.isBlank()) {
      throw ApiException.badRequest("body", "the request body is empty: send a JSON object");
    }
    JsonNode node;
    try {
      node = JsonHttpServer.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("body", "the request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest("body", "the request body is not a JSON object: send {\"field\": ...}");
    }
    return new JsonRequest(object);
  }

  public ObjectNode body() {
    return body;
  }

  /**
   * A non-blank string field the database can store; a 400 naming it when missing, null, blank, not a string,
   * holding a NUL or a lone surrogate (not valid Unicode), or longer than {@code maxBytes} in UTF-8.
   */
  public String requiredText(String field, int maxBytes) {
    return optionalText(field, maxBytes)
        .orElseThrow(() -> ApiException.badRequest(field, "\"" + field + "\" is required"));
  }

  /** As {@link #requiredText(String, int)}, empty when the field is absent. */
  public Optional<String> optionalText(String field, int maxBytes) {
    return optionalAnyText(field).map(text -> storable(field, text, maxBytes));
  }

  /**
   * A non-blank string field as sent, NUL and lone surrogates included: for a handler whose answer must not
   * depend on why a value is wrong (a login), and which never stores it.
   */
  public String requiredAnyText(String field) {
    return optionalAnyText(field)
        .orElseThrow(() -> ApiException.badRequest(field, "\"" + field + "\" is required"));
  }

  public Optional<String> optionalAnyText(String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.badRequest(field, "\"" + field + "\" must be a non-empty string, got " + value);
    }
    return Optional.of(value.asText());
  }

  /**
   * {@code text} when PostgreSQL can store it (no NUL, well-formed UTF-16, so valid UTF-8) within
   * {@code maxBytes} bytes of UTF-8; a 400 naming {@code name} otherwise.
   */
  public static String storable(String name, String text, int maxBytes) {
    StorableText.problem(text).ifPresent(problem -> {
      throw ApiException.badRequest(name, "\"" + name + "\" " + problem);
    });
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw ApiException.badRequest(name, "\"" + name + "\" is " + bytes + " bytes of UTF-8; the limit is "
          + maxBytes);
    }
    return text;
  }

  /** A path parameter the database can store, e.g. an id; a 400 naming it otherwise. */
  public static String pathText(Context ctx, String name, int maxBytes) {
    return storable(name, ctx.pathParam(name), maxBytes);
  }

  /**
   * A boolean query parameter: exactly {@code true} or {@code false}, or {@code defaultValue} when absent; a 400
   * naming it for anything else ({@code 1}, {@code yes}, {@code maybe}), so a typo never picks a side silently.
   */
  public static boolean queryBoolean(Context ctx, String name, boolean defaultValue) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return defaultValue;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest(name, "query parameter " + name + "=" + value
          + " must be true or false");
    };
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("body", "the request body is not valid UTF-8: send JSON encoded as UTF-8");
    }
  }

  /** A whole-number field; a 400 naming it when missing or not an integer. */
  public long requiredLong(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.badRequest(field, "\"" + field + "\" is required");
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw ApiException.badRequest(field, "\"" + field + "\" must be a whole number, got " + value);
    }
    return value.asLong();
  }

  /** A whole-number query parameter between {@code min} and {@code max}; a 400 naming it otherwise. */
  public static long queryLong(Context ctx, String name, long defaultValue, long min, long max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below with the expected range
    }
    throw ApiException.badRequest(name, "query parameter " + name + "=" + value
        + " must be a whole number from " + min + " to " + max);
  }
}
