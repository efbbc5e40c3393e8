package dev.handshake.example.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.handshake.example.support.JsonHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls user-service over real HTTP, as a consumer would. */
final class ApiClient {
  /** A response: status, JSON body (MissingNode when there is none) and headers. */
  record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
    String error() {
      return body.path("error").asText();
    }

    String field() {
      return body.path("field").asText();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;

  ApiClient(URI base) {
    this(base, null);
  }

  private ApiClient(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same service, asked with {@code authorization} as the Authorization header (none when null). */
  ApiClient withAuthorization(String authorization) {
    return new ApiClient(base, authorization);
  }

  /** Any method, e.g. PATCH. */
  Response method(String method, String path, String json) {
    return send(HttpRequest.newBuilder(base.resolve(path)).method(method,
        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Response post(String path, String json) {
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response put(String path, String json) {
    return send(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  /** Creates a user and returns its JSON; fails the test unless the answer is 201. */
  JsonNode createUser(String email, String name) {
    Response response = post("/users", "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}");
    if (response.status() != 201) {
      throw new AssertionError("POST /users answered " + response);
    }
    return response.body();
  }

  /** The body as JSON, or as one text node when it is not (Jetty's own refusals, before the service, are HTML). */
  private static JsonNode json(String body) {
    try {
      return JsonHttpServer.MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(body);
    }
  }

  private Response send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(90)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? MissingNode.getInstance() : json(response.body());
      return new Response(response.statusCode(), body, response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
