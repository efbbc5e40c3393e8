package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.FatalErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No request is left hanging (issue 13): failures in a handler answer a JSON 500; running out of heap exits. */
class RegistryFailureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  Path dataDir;

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(DEADLINE).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anExceptionOrErrorInAHandlerIsAJson500LoggedOnceAndTheServerKeepsServing() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ApiHandler.RequestHook faults = (method, path) -> {
      if (path.equals("/test/runtime")) {
        throw new IllegalStateException("injected runtime failure");
      }
      if (path.equals("/test/error")) {
        throw new StackOverflowError("injected error");
      }
    };
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0),
        new PrintStream(log, true, StandardCharsets.UTF_8), faults)) {
      HttpResponse<String> runtime = get(server.url() + "/test/runtime");
      HttpResponse<String> error = get(server.url() + "/test/error");

      for (HttpResponse<String> response : List.of(runtime, error)) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).contains(ApiHandler.CONTENT_TYPE);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error_code").asInt()).isEqualTo(50001);
      }
      assertThat(JSON.readTree(runtime.body()).path("message").asText()).contains("injected runtime failure");
      assertThat(JSON.readTree(error.body()).path("message").asText()).contains("StackOverflowError");
      assertThat(get(server.url() + "/subjects").statusCode()).isEqualTo(200);
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged.split("unexpected error for GET /test/runtime", -1)).hasSize(2);
    assertThat(logged.split("unexpected error for GET /test/error", -1)).hasSize(2);
    assertThat(logged).contains("at dev.handshake.registry.");
  }

  @Test
  void anOutOfMemoryErrorEndsTheProcessAtOnceWithANonZeroCodeInsteadOfLeavingTheClientWaiting() throws Exception {
    try (ChildRegistry registry = ChildRegistry.start(OutOfMemoryRegistryMain.class,
        List.of("-Xmx24m", "-XX:+UseSerialGC"), dataDir.toString())) {
      assertThat(get(registry.url() + "/subjects").statusCode()).isEqualTo(200);

      assertThatThrownBy(() -> get(registry.url() + "/test/exhaust-heap"))
          .as("the client learns at once that the server is gone; it does not wait for a timeout")
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(HttpTimeoutException.class);
      assertThat(registry.awaitExit()).isEqualTo(FatalErrors.EXIT_CODE);
      assertThat(registry.stderr()).contains("out of memory").contains("exiting with code 70");
    }
  }
}
