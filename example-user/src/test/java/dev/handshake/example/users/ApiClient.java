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
  /** A response: status and JSON body (MissingNode when there is none). */
  record Response(int status, JsonNode body) {
    String error() {
      return body.path("error").asText();
    }

    String field() {
      return body.path("field").asText();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  ApiClient(URI base) {
    this.base = base;
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

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(90)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? MissingNode.getInstance()
          : JsonHttpServer.MAPPER.readTree(response.body());
      return new Response(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
