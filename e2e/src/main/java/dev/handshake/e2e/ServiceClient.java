package dev.handshake.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for one service's HTTP API, sending the stack's admin token (ADMIN_TOKEN) when it has one. */
public final class ServiceClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String adminToken;

  /** A client that sends {@code Authorization: Bearer adminToken} (no header when null). */
  public ServiceClient(URI base, String adminToken) {
    this.base = base;
    this.adminToken = adminToken;
  }

  record Answer(int status, JsonNode body) {
  }

  /** The same service, asked as an outsider would: no Authorization header. */
  ServiceClient withoutAdminToken() {
    return new ServiceClient(base, null);
  }

  JsonNode get(String path) throws Exception {
    return expect(200, "GET", path, null);
  }

  JsonNode expect(int status, String method, String path, String json) throws Exception {
    Answer answer = send(method, path, json);
    if (answer.status() != status) {
      throw new AssertionError(method + " " + base.resolve(path) + " answered " + answer.status() + ", expected "
          + status + ": " + answer.body());
    }
    return answer.body();
  }

  Answer send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (adminToken != null) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    return new Answer(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
  }
}
