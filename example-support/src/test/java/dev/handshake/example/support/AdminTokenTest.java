package dev.handshake.example.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
  private static final String TOKEN = "a-token-of-twenty-characters";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void withoutAdminTokenOneIsGeneratedIntoDataDirOwnerOnlyAndOnlyItsPathIsPrinted(@TempDir Path data)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AdminToken token = AdminToken.generate(Settings.of(Map.of("DATA_DIR", data.toString())), "svc",
        new PrintStream(out, true, StandardCharsets.UTF_8));

    Path file = data.resolve(AdminToken.FILE_NAME);
    String written = Files.readString(file).strip();
    assertThat(written).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(token.matches(written)).isTrue();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains(file.toString()).doesNotContain(written);

    AdminToken next = AdminToken.generate(Settings.of(Map.of("DATA_DIR", data.toString())), "svc",
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(next.matches(written)).as("a new start, a new token").isFalse();
    assertThat(Files.list(data)).as("no partial file left").containsExactly(file);
  }

  @Test
  void aTokenTooShortOrWithSpacesNamesAdminToken() {
    for (String bad : new String[] {"short", "has a space inside it here", "x".repeat(1025)}) {
      assertThatThrownBy(() -> AdminToken.configured(Settings.of(Map.of("ADMIN_TOKEN", bad))))
          .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("ADMIN_TOKEN"))
          .hasMessageNotContaining(bad);
    }
  }

  @Test
  void aGuardedEndpointIs401WithoutTheToken403WithAWrongOneAndRunsWithIt() throws Exception {
    AdminToken token = AdminToken.configured(Settings.of(Map.of("ADMIN_TOKEN", TOKEN))).orElseThrow();
    try (JsonHttpServer server = JsonHttpServer.start(Settings.of(Map.of("HTTP_PORT", "0")), 9, routes -> {
      routes.before("/admin/*", token::require);
      routes.post("/admin/act", ctx -> JsonHttpServer.respond(ctx, 200, Map.of("done", true)));
      routes.get("/open", ctx -> JsonHttpServer.respond(ctx, 200, Map.of("open", true)));
    }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      HttpResponse<String> none = send(server.url(), "/admin/act", null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(none.body()).contains("\"field\":\"Authorization\"");
      assertThat(send(server.url(), "/admin/act", "Basic " + TOKEN).statusCode()).isEqualTo(401);
      assertThat(send(server.url(), "/admin/act", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(403);
      assertThat(send(server.url(), "/admin/act", "Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(403);
      assertThat(send(server.url(), "/admin/act", "Bearer ").statusCode()).as("no token after Bearer").isEqualTo(401);
      assertThat(send(server.url(), "/admin/unknown", null).statusCode()).as("every /admin path").isEqualTo(401);
      assertThat(send(server.url(), "/admin/act", "Bearer " + TOKEN).body()).isEqualTo("{\"done\":true}");
      assertThat(send(server.url(), "/open", null).statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> send(URI base, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    request.method(path.equals("/open") ? "GET" : "POST", HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
