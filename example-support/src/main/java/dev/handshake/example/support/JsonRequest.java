package dev.handshake.example.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;

/** A request's JSON object body and its query parameters, read so that every bad value names its field. */
public final class JsonRequest {
  private final ObjectNode body;

  private JsonRequest(ObjectNode body) {
    this.body = body;
  }

  /** The body as a JSON object; a 400 naming {@code body} when it is empty, not JSON or not an object. */
  public static JsonRequest of(Context ctx) {
    String text = ctx.body();
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

  /** A non-blank string field; a 400 naming it when missing, null, blank or not a string. */
  public String requiredText(String field) {
    return optionalText(field).orElseThrow(() -> ApiException.badRequest(field, "\"" + field + "\" is required"));
  }

  public Optional<String> optionalText(String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.badRequest(field, "\"" + field + "\" must be a non-empty string, got " + value);
    }
    return Optional.of(value.asText());
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
