package dev.handshake.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request: its method, decoded path segments, query and (lazily read, size-limited) JSON body. */
final class ApiRequest {
  final HttpExchange exchange;
  final String method;
  final List<String> path;
  final Map<String, String> query;

  private ApiRequest(HttpExchange exchange, String method, List<String> path, Map<String, String> query) {
    this.exchange = exchange;
    this.method = method;
    this.path = path;
    this.query = query;
  }

  boolean is(String expected) {
    return method.equals(expected);
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  /** The JSON body of a schema request (register, lookup, compatibility). */
  Object body() throws IOException, ApiException {
    return body(() -> new ApiException(422, 42201, "Invalid schema: the request has no body; send a JSON "
        + "object {\"schema\": \"...\"}"));
  }

  Object body(java.util.function.Supplier<ApiException> whenEmpty) throws IOException, ApiException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > ApiHandler.MAX_BODY) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new ApiException(400, 400, "Invalid Content-Length: " + length);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InputStream in = exchange.getRequestBody();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      bytes.write(buffer, 0, read);
      if (bytes.size() > ApiHandler.MAX_BODY) {
        throw tooLarge();
      }
    }
    if (bytes.size() == 0) {
      throw whenEmpty.get();
    }
    try {
      return Json.parse(bytes.toByteArray());
    } catch (JsonProcessingException e) {
      throw new ApiException(400, 400, "Malformed JSON in the request body: " + e.getOriginalMessage());
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(413, 413, "Request body larger than " + ApiHandler.MAX_BODY + " bytes");
  }

  static ApiRequest of(HttpExchange exchange) throws ApiException {
    return new ApiRequest(exchange, exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        segments(exchange.getRequestURI().getRawPath()), query(exchange.getRequestURI().getRawQuery()));
  }

  /**
   * Decoded path segments. An empty segment inside the path is kept ({@code /subjects//versions} names an empty
   * subject, which is refused as such) instead of being dropped, which shifted "versions" into the subject's place.
   */
  private static List<String> segments(String rawPath) throws ApiException {
    String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    if (trimmed.isEmpty()) {
      return segments;
    }
    for (String raw : trimmed.split("/", -1)) {
      try {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new ApiException(400, 400, "Malformed percent-encoding in the path segment \"" + raw + "\": "
            + e.getMessage());
      }
    }
    return segments;
  }

  private static Map<String, String> query(String rawQuery) throws ApiException {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        try {
          String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String value = eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          values.put(key, value);
        } catch (IllegalArgumentException e) {
          throw new ApiException(400, 400, "Malformed percent-encoding in the query parameter \"" + pair + "\": "
              + e.getMessage());
        }
      }
    }
    return values;
  }
}
