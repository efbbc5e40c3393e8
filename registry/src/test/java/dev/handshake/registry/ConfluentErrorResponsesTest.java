package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.registry.api.ApiHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers a Confluent client must be able to read: JSON error bodies with Confluent's codes, and /mode. */
class ConfluentErrorResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  Path dataDir;
  private RegistryServer server;

  @BeforeEach
  void start() throws Exception {
    server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", ApiHandler.CONTENT_TYPE).method(method, publisher).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode confluentError(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type")).contains(ApiHandler.CONTENT_TYPE);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("error_code").isInt()).as("error_code in %s", response.body()).isTrue();
    assertThat(body.path("message").asText()).isNotBlank();
    return body;
  }

  @Test
  void anEmptySubjectInThePathIsNamedAsSuchNotMistakenForTheNextSegment() throws Exception {
    HttpResponse<String> response = send("POST", "/subjects//versions", "{\"schema\": \"\\\"string\\\"\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode error = confluentError(response);
    assertThat(error.path("error_code").asInt()).isEqualTo(42208);
    assertThat(error.path("message").asText()).contains("subject").contains("empty").doesNotContain("versions");
    assertThat(confluentError(send("GET", "/subjects//versions", null)).path("error_code").asInt()).isEqualTo(42208);
  }

  @Test
  void putConfigWithoutABodySaysWhatToSendWithTheLevelErrorCode() throws Exception {
    HttpResponse<String> response = send("PUT", "/config", null);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode error = confluentError(response);
    assertThat(error.path("error_code").asInt()).isEqualTo(42203);
    assertThat(error.path("message").asText()).contains("no body").contains("\"compatibility\"")
        .doesNotContain("schema");
    HttpResponse<String> wrongShape = send("PUT", "/config/s", "{\"level\": \"FULL\"}");
    assertThat(confluentError(wrongShape).path("error_code").asInt()).isEqualTo(42203);
    assertThat(JSON.readTree(wrongShape.body()).path("message").asText()).contains("\"compatibility\"");
  }

  @Test
  void deleteConfigPutsTheGlobalLevelBackToTheDefaultAndAnswersThePreviousOne() throws Exception {
    send("PUT", "/config", "{\"compatibility\": \"FULL\"}");

    HttpResponse<String> deleted = send("DELETE", "/config", null);

    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(deleted.body()).path("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(JSON.readTree(send("GET", "/config", null).body()).path("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
  }

  @Test
  void modeIsReadwriteAndOtherModesAreRefusedWithConfluentsCodes() throws Exception {
    assertThat(JSON.readTree(send("GET", "/mode", null).body()).path("mode").asText()).isEqualTo("READWRITE");
    assertThat(JSON.readTree(send("GET", "/mode/some-subject", null).body()).path("mode").asText())
        .isEqualTo("READWRITE");
    HttpResponse<String> same = send("PUT", "/mode", "{\"mode\": \"READWRITE\"}");
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(same.body()).path("mode").asText()).isEqualTo("READWRITE");

    HttpResponse<String> readOnly = send("PUT", "/mode", "{\"mode\": \"READONLY\"}");
    HttpResponse<String> importMode = send("PUT", "/mode/s", "{\"mode\": \"IMPORT\"}");
    HttpResponse<String> nonsense = send("PUT", "/mode", "{\"mode\": \"SIDEWAYS\"}");
    HttpResponse<String> empty = send("PUT", "/mode", null);

    assertThat(readOnly.statusCode()).isEqualTo(422);
    assertThat(confluentError(readOnly).path("error_code").asInt()).isEqualTo(42205);
    assertThat(readOnly.body()).contains("READONLY").contains("READWRITE");
    assertThat(confluentError(importMode).path("error_code").asInt()).isEqualTo(42205);
    assertThat(confluentError(nonsense).path("error_code").asInt()).isEqualTo(42204);
    assertThat(confluentError(empty).path("error_code").asInt()).isEqualTo(42204);
    assertThat(JSON.readTree(send("GET", "/mode", null).body()).path("mode").asText()).isEqualTo("READWRITE");
  }

  @Test
  void unknownEndpointsAndMethodsAnswerJsonErrorsAsJerseyDoesInConfluent() throws Exception {
    HttpResponse<String> unknown = send("GET", "/schemas//ids", null);
    HttpResponse<String> wrongMethod = send("PATCH", "/subjects", "{}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(confluentError(unknown).path("error_code").asInt()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(confluentError(wrongMethod).path("error_code").asInt()).isEqualTo(405);
  }
}
