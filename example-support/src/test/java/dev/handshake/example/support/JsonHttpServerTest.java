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
          JsonHttpServer.respond(ctx, 201, Map.of("name", request.requiredText("name", 100)));
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
  void textTheDatabaseCannotStoreIs400NamingTheField() throws Exception {
    try (JsonHttpServer server = echo()) {
      assertThat(post(server.url(), "/echo", "{\"name\":\"A\\u0000B\"}"))
          .startsWith("400 {\"error\":\"\\\"name\\\" contains a NUL character").endsWith("\"field\":\"name\"}");
      assertThat(post(server.url(), "/echo", "{\"name\":\"A\\ud800B\"}"))
          .startsWith("400 {\"error\":\"\\\"name\\\" is not valid Unicode").endsWith("\"field\":\"name\"}");
      assertThat(post(server.url(), "/echo", "{\"name\":\"" + "é".repeat(51) + "\"}"))
          .as("102 bytes of UTF-8, over the limit of 100 though only 51 characters")
          .startsWith("400 {\"error\":\"\\\"name\\\" is 102 bytes of UTF-8; the limit is 100\"");
      assertThat(post(server.url(), "/echo", "{\"name\":\"" + "é".repeat(50) + "\"}")).startsWith("201 ");
      assertThat(post(server.url(), "/echo", "{\"name\":\"\uD83D\uDE00\"}")).as("a pair is fine").startsWith("201 ");
      HttpResponse<String> notUtf8 = http.send(HttpRequest.newBuilder(server.url().resolve("/echo"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
              (byte) 0xC3, '"', '}'})).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(notUtf8.statusCode() + " " + notUtf8.body()).startsWith("400 ").contains("\"field\":\"body\"");
    }
  }

  @Test
  void booleanQueryParametersAreTrueOrFalseOnly() throws Exception {
    try (JsonHttpServer server = JsonHttpServer.start(Settings.of(Map.of("HTTP_PORT", "0")), 9,
        routes -> routes.post("/run", ctx -> JsonHttpServer.respond(ctx, 200,
            Map.of("dryRun", JsonRequest.queryBoolean(ctx, "dryRun", false)))), quiet())) {
      assertThat(post(server.url(), "/run?dryRun=true", "")).isEqualTo("200 {\"dryRun\":true}");
      assertThat(post(server.url(), "/run?dryRun=false", "")).isEqualTo("200 {\"dryRun\":false}");
      assertThat(post(server.url(), "/run", "")).isEqualTo("200 {\"dryRun\":false}");
      for (String value : new String[] {"maybe", "1", "yes", "TRUE", ""}) {
        assertThat(post(server.url(), "/run?dryRun=" + value, "")).as(value)
            .startsWith("400 ").endsWith("\"field\":\"dryRun\"}");
      }
    }
  }

  @Test
  void aWrongMethodIs405WithAllow() throws Exception {
    try (JsonHttpServer server = echo()) {
      HttpResponse<String> patch = http.send(HttpRequest.newBuilder(server.url().resolve("/echo"))
          .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(patch.statusCode()).isEqualTo(405);
      assertThat(patch.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
      assertThat(patch.body()).startsWith("{\"error\":\"PATCH is not allowed on /echo");
    }
  }

  @Test
  void anInternalErrorIs500WithAnIdAndNothingOfTheFailure() throws Exception {
    try (JsonHttpServer server = JsonHttpServer.start(Settings.of(Map.of("HTTP_PORT", "0")), 9,
        routes -> routes.post("/fail", ctx -> {
          throw new java.sql.SQLException("ERROR: relation \"secret_table\" does not exist", "42P01");
        }), quiet())) {
      String answer = post(server.url(), "/fail", "{}");
      assertThat(answer).matches("500 \\{\"error\":\"internal error [0-9a-f]{8}: the service's log has the details "
          + "under this id\"}").doesNotContain("secret_table");
    }
  }

  @Test
  void anInternalFailureIsLoggedUnderItsId() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    InternalFailure failure = InternalFailure.logged(new IllegalStateException("password column missing"), "GET /x",
        new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("error " + failure.id() + " during GET /x:")
        .contains("IllegalStateException: password column missing");
    assertThat(failure.message()).contains(failure.id()).doesNotContain("password");
  }

  private static JsonHttpServer echo() {
    return JsonHttpServer.start(Settings.of(Map.of("HTTP_PORT", "0")), 9, routes -> routes.post("/echo", ctx -> {
      JsonRequest request = JsonRequest.of(ctx);
      JsonHttpServer.respond(ctx, 201, Map.of("name", request.requiredText("name", 100)));
    }), quiet());
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
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
