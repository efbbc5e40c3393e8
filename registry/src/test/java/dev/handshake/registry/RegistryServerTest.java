package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistryAuthenticationException;
import dev.handshake.core.registry.RegistryClientConfig;
import dev.handshake.core.registry.RegistryCredentials;
import dev.handshake.core.registry.RegistryException;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.store.StoreLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded registry's own promises: Confluent error codes at the HTTP level, limits, auth, restarts. */
class RegistryServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V1 = RegistryClientContractTest.V1;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  Path dataDir;

  private HttpResponse<String> post(RegistryServer server, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", ApiHandler.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A body past the limit is refused from its Content-Length and the connection closed; a client still uploading
   * it (this one sends no Expect: 100-continue) may see that close before it reads the 413, so it tries again.
   */
  private HttpResponse<String> postUntilAnswered(RegistryServer server, String path, String body) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return post(server, path, body);
      } catch (IOException closedWhileSending) {
        if (attempt == 5) {
          throw closedWhileSending;
        }
      }
    }
  }

  private HttpResponse<String> get(RegistryServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int errorCode(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).path("error_code").asInt();
  }

  @Test
  void answersBadRequestsWithConfluentErrorCodesAndKeepsServing() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      HttpResponse<String> malformed = post(server, "/subjects/s/versions", "{\"schema\": ");
      HttpResponse<String> invalid = post(server, "/subjects/s/versions",
          "{\"schema\": \"{\\\"type\\\": \\\"nosuchtype\\\"}\"}");
      HttpResponse<String> notAvro = post(server, "/subjects/s/versions",
          "{\"schema\": \"syntax = 'proto3';\", \"schemaType\": \"PROTOBUF\"}");
      HttpResponse<String> badVersion = get(server, "/subjects/s/versions/first");
      HttpResponse<String> badLevel = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/config"))
          .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\": \"SIDEWAYS\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> unknown = get(server, "/no/such/endpoint");
      HttpResponse<String> tooLarge = postUntilAnswered(server, "/subjects/s/versions",
          "{\"schema\": \"" + "x".repeat(ApiHandler.MAX_BODY + 10) + "\"}");

      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(errorCode(malformed)).isEqualTo(400);
      assertThat(invalid.statusCode()).isEqualTo(422);
      assertThat(errorCode(invalid)).isEqualTo(42201);
      assertThat(errorCode(notAvro)).isEqualTo(42201);
      assertThat(errorCode(badVersion)).isEqualTo(40401);
      assertThat(badLevel.statusCode()).isEqualTo(422);
      assertThat(errorCode(badLevel)).isEqualTo(42203);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(errorCode(tooLarge)).isEqualTo(413);

      HttpResponse<String> ok = post(server, "/subjects/s/versions",
          JSON.createObjectNode().put("schema", V1).toString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).contains(ApiHandler.CONTENT_TYPE);
      assertThat(errorCode(get(server, "/subjects/s/versions/first"))).isEqualTo(42202);
      JsonNode version = JSON.readTree(get(server, "/subjects/s/versions/latest").body());
      assertThat(version.path("version").asInt()).isEqualTo(1);
    }
  }

  @Test
  void permanentDeleteNeedsASoftDeleteFirstAsInConfluent() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      client.register("s", RegistrySchema.of(V1));

      assertThatThrownBy(() -> client.deleteSubject("s", true))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40405));
      client.deleteSubject("s", false);
      assertThatThrownBy(() -> client.deleteSubject("s", false))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40404));
      assertThat(client.deleteSubject("s", true)).containsExactly(1);
      // After a permanent delete the subject starts again at version 1; the schema keeps its id.
      int id = client.register("s", RegistrySchema.of(V1));
      assertThat(client.latest("s").version()).isEqualTo(1);
      assertThat(client.latest("s").id()).isEqualTo(id);
    }
  }

  @Test
  void basicAuthRefusesMissingCredentialsWithoutEverShowingTheSecret() throws Exception {
    RegistryServer.Options options = new RegistryServer.Options(dataDir, "127.0.0.1", 0, "ci:s3cret-pw", 0);
    try (RegistryServer server = RegistryServer.start(options)) {
      RestSchemaRegistry anonymous = RestSchemaRegistry.of(server.url());
      RegistryClientConfig wrongConfig = RegistryClientConfig.of(server.url())
          .withCredentials(RegistryCredentials.basic("ci:wrong-pw", "--user-info"));
      RegistryClientConfig rightConfig = RegistryClientConfig.of(server.url())
          .withCredentials(RegistryCredentials.basic("ci:s3cret-pw", "--user-info"));

      assertThatThrownBy(anonymous::subjects).isInstanceOf(RegistryAuthenticationException.class);
      assertThatThrownBy(() -> new RestSchemaRegistry(wrongConfig).subjects())
          .isInstanceOf(RegistryAuthenticationException.class)
          .hasMessageContaining("\"ci\"")
          .hasMessageNotContaining("wrong-pw");
      RestSchemaRegistry client = new RestSchemaRegistry(rightConfig);
      client.register("s", RegistrySchema.of(V1));
      assertThat(client.subjects()).containsExactly("s");
      assertThat(rightConfig.toString()).doesNotContain("s3cret-pw");
      assertThat(options.toString()).doesNotContain("s3cret-pw");
    }
  }

  @Test
  void aRestartReplaysTheLogWithTheSameIdsVersionsAndLevels() throws Exception {
    int id;
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      client.setGlobalCompatibility(CompatibilityLevel.FULL);
      client.setSubjectCompatibility("s", CompatibilityLevel.NONE);
      client.register("s", RegistrySchema.of(V1));
      id = client.register("s", RegistrySchema.of(RegistryClientContractTest.V3_REQUIRED));
      client.register("gone", RegistrySchema.of(V1));
      client.deleteSubject("gone", false);
    }
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      assertThat(client.latest("s").version()).isEqualTo(2);
      assertThat(client.latest("s").id()).isEqualTo(id);
      assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
      assertThat(client.subjectCompatibility("s")).contains(CompatibilityLevel.NONE);
      assertThat(client.subjects()).containsExactly("s");
      int next = client.register("other", RegistrySchema.of(RegistryClientContractTest.V2_WITH_DEFAULT));
      assertThat(next).isGreaterThan(id);
    }
  }

  @Test
  void aTornTailIsCutOffKeptAsideAndNeverCorruptsTheStore() throws Exception {
    int id;
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      id = RestSchemaRegistry.of(server.url()).register("s", RegistrySchema.of(V1));
    }
    Path log = dataDir.resolve(StoreLog.FILE_NAME);
    long intact = Files.size(log);
    // Half a frame: a length promising 500 bytes, a CRC, then only a few bytes of payload.
    Files.write(log, new byte[] {0, 0, 1, (byte) 0xF4, 1, 2, 3, 4, '{', '"', 'o'}, StandardOpenOption.APPEND);
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0),
        new PrintStream(warnings, true, StandardCharsets.UTF_8))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      assertThat(client.latest("s").id()).isEqualTo(id);
      assertThat(Files.size(log)).as("cut, then one record moving the id counter").isGreaterThan(intact);
      assertThat(client.register("t", RegistrySchema.of(RegistryClientContractTest.V2_WITH_DEFAULT)))
          .as("the id the cut write could have held is not given again").isGreaterThan(id + 1);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("incomplete record").contains("11 bytes");
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("registry.log.torn-"));
    }
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      assertThat(RestSchemaRegistry.of(server.url()).subjects()).containsExactly("s", "t");
    }
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryIsRefused() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      assertThatThrownBy(() -> RegistryServer.start(RegistryServer.Options.of(dataDir, 0)))
          .isInstanceOf(IOException.class).hasMessageContaining("in use");
      assertThat(RestSchemaRegistry.of(server.url()).subjects()).isEmpty();
    }
  }
}
