package dev.handshake.example.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonHttpServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void printsItsAddressAndAnswersJsonErrorsNamingTheField() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonHttpServer server = JsonHttpServer.start(Settings.of(Map.of("HTTP_PORT", "0")), 9,
        routes -> routes.post("/echo", ctx -> {
          JsonRequest request = JsonRequest.of(ctx);
          JsonHttpServer.respond(ctx, 201, Map.of("name", request.requiredText("name")));
        }), new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(server.port()).isPositive();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("listening on http://127.0.0.1:" + server.port()
          + System.lineSeparator());

      assertThat(post(server.url(), "/echo", "{\"name\":\"Ada\"}")).isEqualTo("201 {\"name\":\"Ada\"}");
      assertThat(post(server.url(), "/echo", "{\"nom\":\"Ada\"}"))
          .isEqualTo("400 {\"error\":\"\\\"name\\\" is required\",\"field\":\"name\"}");
      assertThat(post(server.url(), "/echo", "{not json")).startsWith("400 {\"error\":\"the request body is not valid JSON")
          .endsWith("\"field\":\"body\"}");
      assertThat(post(server.url(), "/missing", "{}")).startsWith("404 {\"error\":");
    }
  }

  @Test
  void aPortInUseNamesHttpPort() {
    try (JsonHttpServer first = JsonHttpServer.start(Settings.of(Map.of("HTTP_PORT", "0")), 9, routes -> { },
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      Settings same = Settings.of(Map.of("HTTP_PORT", Integer.toString(first.port())));
      assertThatThrownBy(() -> JsonHttpServer.start(same, 9, routes -> { },
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
          .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("HTTP_PORT"));
    }
  }

  private String post(URI base, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }
}
