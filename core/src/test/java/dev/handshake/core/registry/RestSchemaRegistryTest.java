package dev.handshake.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.handshake.core.compat.CompatibilityLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP server that answers with scripted bodies, to pin how it reads answers of
 * registries not available here (Apicurio's 409 with error_code 0, Confluent's two config shapes, 5xx
 * bursts). The full API is exercised against the real embedded registry in the registry module.
 */
class RestSchemaRegistryTest {
  private HttpServer server;
  private final Deque<String[]> script = new ArrayDeque<>();
  private final List<String> seen = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      synchronized (this) {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      }
      exchange.getRequestBody().readAllBytes();
      String[] answer = script.isEmpty() ? new String[] {"500", "{\"error_code\":50001,\"message\":\"unscripted\"}"}
          : script.poll();
      byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(int status, String body) {
    script.add(new String[] {Integer.toString(status), body});
  }

  private RestSchemaRegistry client() {
    return new RestSchemaRegistry(RegistryClientConfig.of(url).withRetries(2, Duration.ofMillis(1)));
  }

  @Test
  void retriesServerErrorsThenSucceeds() {
    answer(503, "{\"error_code\":50002,\"message\":\"timeout\"}");
    answer(500, "{\"error_code\":50001,\"message\":\"store\"}");
    answer(200, "[\"a\",\"b\"]");

    assertThat(client().subjects()).containsExactly("a", "b");
    assertThat(seen).hasSize(3);
  }

  @Test
  void givesUpOnPersistentServerErrorsWithTheCodeInTheMessage() {
    answer(500, "{\"error_code\":50001,\"message\":\"store down\"}");
    answer(500, "{\"error_code\":50001,\"message\":\"store down\"}");
    answer(500, "{\"error_code\":50001,\"message\":\"store down\"}");

    assertThatThrownBy(() -> client().latest("orders-value"))
        .isInstanceOfSatisfying(RegistryServerException.class, e -> assertThat(e.errorCode()).isEqualTo(50001))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("50001").hasMessageContaining("orders-value").hasMessageContaining(url);
    assertThat(seen).hasSize(3);
  }

  @Test
  void neverRetriesAClientError() {
    answer(404, "{\"error_code\":40402,\"message\":\"Version 9 not found.\"}");

    assertThatThrownBy(() -> client().version("orders-value", 9))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("orders-value").hasMessageContaining("version 9").hasMessageContaining(url);
    assertThat(seen).hasSize(1);
  }

  @Test
  void anyHttp409IsIncompatibleWhateverItsErrorCode() {
    answer(409, "{\"error_code\":0,\"message\":\"Incompatible artifact\"}");
    answer(409, "{\"error_code\":40901,\"message\":\"incompatible\"}");

    assertThatThrownBy(() -> client().register("s", RegistrySchema.of("\"string\"")))
        .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("Incompatible artifact");
    assertThatThrownBy(() -> client().register("s", RegistrySchema.of("\"string\"")))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.errorCode()).isEqualTo(40901));
  }

  @Test
  void readsBothConfigShapesAndTreats40408AsTheGlobalLevel() {
    answer(200, "{\"compatibilityLevel\":\"FULL\"}");
    answer(200, "{\"compatibility\":\"forward_transitive\"}");
    answer(404, "{\"error_code\":40408,\"message\":\"Subject 's' does not have subject-level compatibility\"}");
    answer(200, "{\"compatibilityLevel\":\"NONE\"}");

    RestSchemaRegistry client = client();
    assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(client.subjectCompatibility("s")).contains(CompatibilityLevel.FORWARD_TRANSITIVE);
    assertThat(client.effectiveCompatibility("s")).isEqualTo(CompatibilityLevel.NONE);
  }

  @Test
  void mapsEveryConfluentErrorCodeToItsType() {
    answer(404, "{\"error_code\":40401,\"message\":\"Subject not found.\"}");
    answer(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
    answer(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
    answer(422, "{\"error_code\":42202,\"message\":\"Invalid version\"}");
    answer(422, "{\"error_code\":42203,\"message\":\"Invalid compatibility level\"}");
    answer(401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");

    RestSchemaRegistry client = client();
    assertThatThrownBy(() -> client.versions("s")).isInstanceOf(SubjectNotFoundException.class);
    assertThatThrownBy(() -> client.schemaById(5)).isInstanceOf(SchemaNotFoundException.class)
        .hasMessageContaining("schema id 5");
    assertThatThrownBy(() -> client.register("s", RegistrySchema.of("{}")))
        .isInstanceOf(RegistryInvalidSchemaException.class);
    assertThatThrownBy(() -> client.latest("s")).isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> client.setGlobalCompatibility(CompatibilityLevel.FULL))
        .isInstanceOf(InvalidCompatibilityLevelException.class);
    assertThatThrownBy(client::subjects).isInstanceOf(RegistryAuthenticationException.class);
  }

  @Test
  void aBare404FromAWrongBaseUrlSuggestsTheApiRoot() {
    answer(404, "<html>Not Found</html>");

    // Not "subject not found": a check would take that for a new subject and pass against a web page.
    assertThatThrownBy(() -> client().versions("s")).isInstanceOf(RegistryException.class)
        .isNotInstanceOf(SubjectNotFoundException.class).hasMessageContaining("API root");
  }

  @Test
  void aServerThatIsNotARegistryIsBadInputWithoutRetries() {
    answer(501, "<html><body>Not Implemented</body></html>");
    answer(405, "<html>Method Not Allowed</html>");
    answer(200, "<html>welcome</html>");
    RestSchemaRegistry client = client();

    assertThatThrownBy(() -> client.register("s", RegistrySchema.of("\"string\"")))
        .isInstanceOf(RegistryException.class).hasMessageContaining("HTTP 501")
        .hasMessageContaining("the registry's API root");
    assertThatThrownBy(() -> client.setGlobalCompatibility(CompatibilityLevel.FULL))
        .isInstanceOf(RegistryException.class).hasMessageContaining("HTTP 405")
        .hasMessageContaining("the registry's API root");
    assertThatThrownBy(client::subjects)
        .isInstanceOf(RegistryException.class).hasMessageContaining("not JSON")
        .hasMessageContaining("the registry's API root");
    assertThat(seen).hasSize(3);
  }

  @Test
  void sendsTheBearerTokenButNeverShowsIt() {
    answer(401, "{\"error_code\":401,\"message\":\"bad token\"}");
    RegistryClientConfig config = RegistryClientConfig.of(url)
        .withCredentials(RegistryCredentials.bearer("tok-123-secret", "--bearer-token"));

    assertThatThrownBy(() -> new RestSchemaRegistry(config).subjects())
        .isInstanceOf(RegistryAuthenticationException.class)
        .hasMessageContaining("bearer token").hasMessageNotContaining("tok-123-secret");
    assertThat(authorizations).containsExactly("Bearer tok-123-secret");
    assertThat(config.toString()).doesNotContain("tok-123-secret");
  }

  @Test
  void anUnreachableRegistryIsNotAnInputErrorAndNamesTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RestSchemaRegistry client = new RestSchemaRegistry(RegistryClientConfig.of("http://127.0.0.1:" + closedPort)
        .withRetries(1, Duration.ofMillis(1)));

    assertThatThrownBy(client::subjects)
        .isExactlyInstanceOf(RegistryUnavailableException.class)
        .isNotInstanceOf(dev.handshake.core.InvalidInputException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageContaining("2 attempts");
  }

  @Test
  void failsOverToTheNextUrlWhenOneCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    answer(200, "[\"x\"]");
    RestSchemaRegistry client = new RestSchemaRegistry(RegistryClientConfig.of(
        List.of("http://127.0.0.1:" + closedPort + "," + url), "--registry").withRetries(1, Duration.ofMillis(1)));

    assertThat(client.subjects()).containsExactly("x");
  }

  @Test
  void refusesCredentialsInTheUrlAndMalformedUserInfo() {
    assertThatThrownBy(() -> RegistryClientConfig.of(List.of("http://u:pw@h:8081"), "--registry"))
        .hasMessageContaining("--registry").hasMessageNotContaining("pw");
    assertThatThrownBy(() -> RegistryCredentials.basic("no-colon-secret", "--user-info"))
        .hasMessageContaining("user:password").hasMessageNotContaining("no-colon-secret");
    assertThatThrownBy(() -> RegistryClientConfig.of(List.of("localhost:8081"), "<schemaRegistryUrls>"))
        .hasMessageContaining("<schemaRegistryUrls>");
  }
}
