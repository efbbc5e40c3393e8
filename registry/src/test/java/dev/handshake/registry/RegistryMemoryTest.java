package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.SchemaLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's memory cases against a registry under the launcher's JVM settings (64 MiB heap), in its own process:
 * each must leave the process serving (an exhausted heap would end it with exit 70), every answer complete or a
 * 503 with Retry-After, and limits refused with Confluent's errors.
 */
@Timeout(300)
class RegistryMemoryTest {
  /** {@code ./handshake registry serve}'s JVM settings. */
  static final String[] LAUNCHER_JVM = {"-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1",
      "-XX:ReservedCodeCacheSize=16m", "-Xss256k"};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void parallelListingsOfLargeSchemasAndParallelWideRegistrationsLeaveTheProcessServing() throws Exception {
    try (ChildRegistry child = ChildRegistry.server(dataDir, LAUNCHER_JVM)) {
      for (int i = 0; i < 10; i++) {
        String schema = "{\"type\":\"record\",\"name\":\"Large" + i + "\",\"doc\":\"" + "d".repeat(900_000)
            + "\",\"fields\":[]}";
        assertThat(post(child, "/subjects/large-" + i + "/versions", schema).statusCode()).isEqualTo(200);
      }
      for (int round = 0; round < 3; round++) {
        List<CompletableFuture<HttpResponse<String>>> listings = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          listings.add(http.sendAsync(get(child, "/schemas"), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> listing : listings) {
          HttpResponse<String> answer = listing.get();
          assertServedOrAskedToRetry(answer);
          if (answer.statusCode() == 200) {
            assertThat(JSON.readTree(answer.body())).as("a complete listing").hasSize(10);
          }
        }
      }

      String wide = wideRecord(22_000);
      for (int version = 0; version < 3; version++) {
        assertThat(post(child, "/subjects/wide/versions", wide.replace("\"doc\":\"v\"", "\"doc\":\"v" + version
            + "\"")).statusCode()).isEqualTo(200);
      }
      List<CompletableFuture<HttpResponse<String>>> registrations = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        registrations.add(http.sendAsync(postRequest(child, "/subjects/wide/versions", wide.replace("\"doc\":\"v\"",
            "\"doc\":\"again" + i + "\"")), HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> registration : registrations) {
        assertServedOrAskedToRetry(registration.get());
      }
      assertThat(http.send(get(child, "/subjects"), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("still serving").isEqualTo(200);
    }
  }

  @Test
  void aDeeplyNestedSchemaIs422WithOneLogLineAndNoStackTrace() throws Exception {
    try (ChildRegistry child = ChildRegistry.server(dataDir, LAUNCHER_JVM)) {
      StringBuilder deep = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        deep.append("{\"type\":\"record\",\"name\":\"N").append(i).append("\",\"fields\":[{\"name\":\"f\",\"type\":");
      }
      deep.append("\"int\"");
      deep.append("}]}".repeat(300));
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> answer = post(child, "/subjects/deep/versions", deep.toString());
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(answer.body()).path("error_code").asInt()).isEqualTo(42201);
        assertThat(answer.body()).contains("nested more than " + SchemaLimits.MAX_NESTING);
      }
      long end = System.nanoTime() + DEADLINE.toNanos();
      while (child.stderr().lines().filter(line -> line.contains("nested")).count() < 3) {
        assertThat(System.nanoTime()).as("one log line per refusal").isLessThan(end);
        Thread.sleep(20);
      }
      assertThat(child.stderr().lines().filter(line -> line.contains("nested")).count()).isEqualTo(3);
      assertThat(child.stderr()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }
  }

  @Test
  void aSubjectNameOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      String longName = "s".repeat(SchemaLimits.MAX_SUBJECT_BYTES + 1);
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects/"
              + longName + "/versions")).header("Content-Type", ApiHandler.CONTENT_TYPE)
          .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(JSON.readTree(refused.body()).path("error_code").asInt()).isEqualTo(42208);
      assertThat(refused.body()).contains(Integer.toString(SchemaLimits.MAX_SUBJECT_BYTES));
      String atLimit = "s".repeat(SchemaLimits.MAX_SUBJECT_BYTES);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects/" + atLimit + "/versions"))
          .header("Content-Type", ApiHandler.CONTENT_TYPE)
          .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(server.store().queries().stats().get("subjects")).isEqualTo(1);
    }
  }

  private static void assertServedOrAskedToRetry(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body().length() > 300 ? answer.body().substring(0, 300)
        : answer.body()).isIn(200, 503);
    if (answer.statusCode() == 503) {
      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }
  }

  /** A record of {@code fields} int fields: about 36 bytes of request body per field. */
  static String wideRecord(int fields) {
    StringBuilder schema = new StringBuilder("{\"type\":\"record\",\"name\":\"Wide\",\"doc\":\"v\",\"fields\":[");
    for (int i = 0; i < fields; i++) {
      schema.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":\"int\"}");
    }
    return schema.append("]}").toString();
  }

  private HttpResponse<String> post(ChildRegistry child, String path, String schema) throws Exception {
    return http.send(postRequest(child, path, schema), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest postRequest(ChildRegistry child, String path, String schema) throws Exception {
    return HttpRequest.newBuilder(URI.create(child.url() + path)).timeout(DEADLINE)
        .header("Content-Type", ApiHandler.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("schema", schema))))
        .build();
  }

  private static HttpRequest get(ChildRegistry child, String path) {
    return HttpRequest.newBuilder(URI.create(child.url() + path)).timeout(DEADLINE).GET().build();
  }
}
