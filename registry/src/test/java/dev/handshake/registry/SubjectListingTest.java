package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /subjects's and GET /schemas's filters and paging as Confluent defines them; bad values are a 400 naming
 * the parameter.
 */
class SubjectListingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  Path dataDir;

  private HttpResponse<String> get(RegistryServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> names(RegistryServer server, String path) throws Exception {
    HttpResponse<String> response = get(server, path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    JSON.readTree(response.body()).forEach(node -> names.add(node.asText()));
    return names;
  }

  @Test
  void filtersAndPagesTheSortedSubjects() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      client.setGlobalCompatibility(CompatibilityLevel.NONE);
      for (String subject : List.of("orders-value", "users-key", "users-value", "audit")) {
        client.register(subject, RegistrySchema.of(RegistryConcurrencyTest.schema(subject.length(), 1)));
      }
      client.deleteSubject("users-key", false);

      assertThat(names(server, "/subjects")).containsExactly("audit", "orders-value", "users-value");
      assertThat(names(server, "/subjects?deleted=true"))
          .containsExactly("audit", "orders-value", "users-key", "users-value");
      assertThat(names(server, "/subjects?deletedOnly=true")).containsExactly("users-key");
      assertThat(names(server, "/subjects?subjectPrefix=users")).containsExactly("users-value");
      assertThat(names(server, "/subjects?subjectPrefix=users&deleted=true")).containsExactly("users-key",
          "users-value");
      assertThat(names(server, "/subjects?offset=1&limit=1")).containsExactly("orders-value");
      assertThat(names(server, "/subjects?offset=5")).isEmpty();
      assertThat(names(server, "/subjects?limit=-1")).hasSize(3);
      assertThat(names(server, "/subjects?subjectPrefix=%3A*%3A")).hasSize(3);

      for (String bad : List.of("offset=-1", "limit=-2", "limit=many")) {
        HttpResponse<String> refused = get(server, "/subjects?" + bad);
        assertThat(refused.statusCode()).as(bad).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.path("error_code").asInt()).isEqualTo(400);
        assertThat(error.path("message").asText()).contains(bad.substring(0, bad.indexOf('=')));
      }
    }
  }

  @Test
  void schemasListsEveryVersionWithItsSchemaFilteredAndPaged() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      client.setGlobalCompatibility(CompatibilityLevel.NONE);
      for (int subject = 0; subject < 70; subject++) {
        for (int version = 1; version <= 2; version++) {
          client.register(String.format("s-%03d", subject), RegistrySchema.of(RegistryConcurrencyTest.schema(subject,
              version)));
        }
      }
      client.deleteSubject("s-001", false);

      JsonNode all = JSON.readTree(get(server, "/schemas").body());
      JsonNode latest = JSON.readTree(get(server, "/schemas?latestOnly=true").body());
      JsonNode withDeleted = JSON.readTree(get(server, "/schemas?deleted=true&subjectPrefix=s-00").body());
      JsonNode page = JSON.readTree(get(server, "/schemas?subjectPrefix=s-06&offset=3&limit=4").body());

      int live = 69;
      assertThat(all).hasSize(2 * live);
      assertThat(all.get(0).path("subject").asText()).isEqualTo("s-000");
      assertThat(all.get(2).path("subject").asText()).isEqualTo("s-002");
      assertThat(all.get(1).path("version").asInt()).isEqualTo(2);
      assertThat(all.get(1).path("schema").asText()).isEqualTo(client.latest("s-000").schema());
      assertThat(all.get(1).path("id").asInt()).isEqualTo(client.latest("s-000").id());
      assertThat(latest).hasSize(live);
      assertThat(latest.get(0).path("version").asInt()).isEqualTo(2);
      assertThat(withDeleted).hasSize(20);
      assertThat(page).hasSize(4);
      assertThat(page.get(0).path("subject").asText()).isEqualTo("s-061");
      assertThat(page.get(0).path("version").asInt()).isEqualTo(2);
      assertThat(get(server, "/schemas?limit=x").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void schemasPagesAreBoundedInBytesAndResumeInsideASubject() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      client.setGlobalCompatibility(CompatibilityLevel.NONE);
      // Three versions of 200 KB: more than one page (256 KiB) of text within a single subject.
      for (int version = 1; version <= 3; version++) {
        client.register("big", RegistrySchema.of("{\"type\":\"record\",\"name\":\"Big\",\"doc\":\""
            + Integer.toString(version).repeat(200_000) + "\",\"fields\":[]}"));
      }
      client.register("small", RegistrySchema.of("\"string\""));

      JsonNode all = JSON.readTree(get(server, "/schemas").body());

      assertThat(all).hasSize(4);
      for (int version = 1; version <= 3; version++) {
        assertThat(all.get(version - 1).path("subject").asText()).isEqualTo("big");
        assertThat(all.get(version - 1).path("version").asInt()).isEqualTo(version);
      }
      assertThat(all.get(3).path("subject").asText()).isEqualTo("small");
    }
  }
}
