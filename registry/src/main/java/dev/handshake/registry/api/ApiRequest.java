package dev.handshake.registry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handshake.registry.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request: its method, decoded path segments, query and (lazily read, size-limited) JSON body. */
public final class ApiRequest {
  final String method;
  final List<String> path;
  final Map<String, String> query;

  private final byte[] body;

  private ApiRequest(String method, List<String> path, Map<String, String> query, byte[] body) {
    this.body = body;
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

  /** The body as JSON; its size was checked (413) before it was read. */
  Object body(java.util.function.Supplier<ApiException> whenEmpty) throws IOException, ApiException {
    if (body.length == 0) {
      throw whenEmpty.get();
    }
    try {
      return Json.parse(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, 400, "Malformed JSON in the request body: " + e.getOriginalMessage());
    }
  }

  static ApiRequest of(WireRequest request) throws ApiException {
    return new ApiRequest(request.method(), segments(request.rawPath()), query(request.rawQuery()),
        request.body());
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
