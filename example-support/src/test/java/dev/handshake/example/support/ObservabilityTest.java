package dev.handshake.example.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ObservabilityTest {
  private static final String ADMIN = "observability-test-token-0123";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthAndMetricsAnswerWithoutTheAdminTokenWhileAdminPathsStillNeedIt() throws Exception {
    try (Observability observability = new Observability();
        JsonHttpServer server = serve(observability)) {
      Counter.builder("example.things").description("things done").register(observability.registry()).increment(3);

      assertThat(get(server.url(), "/health/live")).isEqualTo("200 {\"status\":\"UP\"}");
      assertThat(get(server.url(), "/health/ready")).isEqualTo("200 {\"status\":\"UP\",\"checks\":{}}");
      HttpResponse<String> metrics = send(server.url(), "/metrics");
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      assertThat(metrics.body()).contains("# TYPE example_things_total counter", "example_things_total 3.0",
          "jvm_memory_used_bytes");
      assertThat(get(server.url(), "/admin/secret")).startsWith("401 ");
    }
  }

  @Test
  void notReadyIs503NamingEachFailedCheckWithoutTheFailuresText() throws Exception {
    try (Observability observability = new Observability();
        JsonHttpServer server = serve(observability)) {
      observability.readyWhen("consumer", () -> Optional.of("no partitions assigned"))
          .readyWhen("cache", () -> {
            throw new IllegalStateException("jdbc:postgresql://db.internal/users?password=hunter2");
          })
          .readyWhen("ok", Optional::empty);

      String ready = get(server.url(), "/health/ready");

      assertThat(ready).isEqualTo("503 {\"status\":\"DOWN\",\"checks\":{"
          + "\"consumer\":{\"status\":\"DOWN\",\"reason\":\"no partitions assigned\"},"
          + "\"cache\":{\"status\":\"DOWN\",\"reason\":\"cache failed; the service's log says why\"},"
          + "\"ok\":{\"status\":\"UP\"}}}");
      assertThat(ready).doesNotContain("hunter2", "db.internal");
    }
  }

  @Test
  void aCheckThatHangsIsNotReadyWithinItsTimeout() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (Observability observability = new Observability();
        JsonHttpServer server = serve(observability)) {
      observability.readyWhen("broker", () -> {
        never.await();
        return Optional.empty();
      });

      assertThat(get(server.url(), "/health/ready")).isEqualTo("503 {\"status\":\"DOWN\",\"checks\":{"
          + "\"broker\":{\"status\":\"DOWN\",\"reason\":\"broker did not answer within "
          + Observability.CHECK_TIMEOUT.toSeconds() + " s\"}}}");
    }
  }

  @Test
  void theDatabaseCheckHoldsWhileTheDatabaseAnswersAndFailsOnceItIsGone() throws Exception {
    Database database = Database.open(Settings.of(Map.of()), DatabaseTest.MIGRATIONS);
    ReadinessCheck check = ReadinessCheck.database(database.dataSource());
    try {
      assertThat(check.notReadyBecause()).isEmpty();
    } finally {
      database.close();
    }
    try (Observability observability = new Observability();
        JsonHttpServer server = serve(observability)) {
      observability.readyWhen("database", check);

      assertThat(get(server.url(), "/health/ready")).startsWith("503 ")
          .contains("\"database\":{\"status\":\"DOWN\",\"reason\":\"database failed; the service's log says why\"}");
    }
  }

  private JsonHttpServer serve(Observability observability) {
    return JsonHttpServer.start(Settings.of(Map.of("HTTP_PORT", "0")), 0, routes -> {
      routes.before("/admin/*", AdminToken.of(ADMIN)::require);
      routes.get("/admin/secret", ctx -> JsonHttpServer.respond(ctx, 200, Map.of("secret", true)));
      observability.addTo(routes);
    }, new PrintStream(PrintStream.nullOutputStream()));
  }

  private String get(URI base, String path) throws Exception {
    HttpResponse<String> response = send(base, path);
    return response.statusCode() + " " + response.body();
  }

  private HttpResponse<String> send(URI base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
