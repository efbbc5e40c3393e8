package dev.handshake.example.auth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for a service's HTTP API in tests. */
public final class AuthClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final String authorization;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A client that sends {@link Infrastructure#ADMIN_TOKEN}. */
  public AuthClient(URI base) {
    this(base, "Bearer " + Infrastructure.ADMIN_TOKEN);
  }

  /** A client that sends {@code authorization} as its Authorization header (none when null). */
  public AuthClient(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same service, asked without any Authorization header. */
  public AuthClient anonymous() {
    return new AuthClient(base, null);
  }

  /** Status, parsed body (null when empty) and headers of one answer. */
  public record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
  }

  public JsonNode get(String path) throws Exception {
    Answer answer = send("GET", path, null);
    if (answer.status() != 200) {
      throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  public long stat(String name) throws Exception {
    return get("/admin/stats").path(name).asLong();
  }

  public Answer send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    return new Answer(response.statusCode(), body == null || body.isBlank() ? null : json(body), response.headers());
  }

  /** The body as JSON, or as one text node when it is not (Jetty's own refusals, before the service, are HTML). */
  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(body);
    }
  }
}
