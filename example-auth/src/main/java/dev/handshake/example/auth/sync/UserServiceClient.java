package dev.handshake.example.auth.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.example.auth.consume.TransientFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * user-service's two read endpoints: {@code GET /users/snapshot} (streamed: rows are handed over one by one, never
 * all held in memory) and the pull feed {@code GET /events}. An unreachable service or a 5xx is a
 * {@link TransientFailureException}.
 */
public final class UserServiceClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public UserServiceClient(URI base) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
  }

  /** One row of the snapshot. */
  public record SnapshotRow(String id, String email, String status, long version) {
  }

  /** Where a snapshot comes from: user-service's endpoint, or a body read earlier. */
  @FunctionalInterface
  public interface SnapshotSource {
    long read(SnapshotReader reader) throws Exception;
  }

  /** Receives the snapshot: its position first (user-service writes it before the rows), then each row. */
  public interface SnapshotReader {
    void position(long position) throws Exception;

    void row(SnapshotRow row) throws Exception;
  }

  /** Streams {@code GET /users/snapshot} into {@code reader}; returns the snapshot's position. */
  public long snapshot(SnapshotReader reader) throws Exception {
    HttpResponse<InputStream> response = send(HttpRequest.newBuilder(base.resolve("users/snapshot")).GET()
        .timeout(Duration.ofMinutes(5)).build());
    try (InputStream body = response.body()) {
      return readSnapshot(body, reader);
    }
  }

  /** Reads a snapshot body ({@code {"position":P,"users":[...]}}) row by row; returns its position. */
  public static long readSnapshot(InputStream body, SnapshotReader reader) throws Exception {
    Long position = null;
    try (JsonParser parser = FACTORY.createParser(body)) {
      expect(parser.nextToken() == JsonToken.START_OBJECT, "an object");
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if ("position".equals(field)) {
          position = parser.getLongValue();
          reader.position(position);
        } else if ("users".equals(field)) {
          expect(position != null, "\"position\" before \"users\"");
          expect(parser.currentToken() == JsonToken.START_ARRAY, "\"users\" as an array");
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            JsonNode row = JSON.readTree(parser);
            reader.row(new SnapshotRow(row.path("id").asText(), row.path("email").asText(),
                row.path("status").asText(), row.path("version").asLong()));
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    expect(position != null, "a \"position\"");
    return position;
  }

  /** One page of the feed: {@code {"events":[...],"last":P}}. */
  public JsonNode events(long after, int limit, Duration wait) throws Exception {
    HttpResponse<InputStream> response = send(HttpRequest.newBuilder(base.resolve(
            "events?after=" + after + "&limit=" + limit + "&timeout=" + wait.toMillis()))
        .GET().timeout(wait.plusSeconds(30)).build());
    try (InputStream body = response.body()) {
      return JSON.readTree(body);
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws Exception {
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new TransientFailureException("user-service at " + base + " is unreachable: " + e, e);
    }
    if (response.statusCode() != 200) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(500), java.nio.charset.StandardCharsets.UTF_8);
      }
      String problem = request.uri() + " answered " + response.statusCode() + ": " + body;
      if (response.statusCode() >= 500) {
        throw new TransientFailureException(problem, null);
      }
      throw new IllegalStateException(problem);
    }
    return response;
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("user-service's snapshot lacks " + what);
    }
  }
}
