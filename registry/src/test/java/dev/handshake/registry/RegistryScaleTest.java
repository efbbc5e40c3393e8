package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.store.LogRecord;
import dev.handshake.registry.store.StoreLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bounded by design, at a proportional scale: 50,000 schemas over 5,000 subjects (about 35 MB of log)
 * served by a child JVM with a 16 MiB heap, stricter per schema than the launcher's 100,000 in 64 MiB. The
 * registry before this design (log read whole at start, texts and parsed schemas kept in the heap) died of
 * OutOfMemoryError on the same store and heap while opening it.
 * The same store checks the streamed listing and its paging parameters across many pages.
 */
class RegistryScaleTest {
  private static final int SUBJECTS = 5_000;
  private static final int VERSIONS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  Path dataDir;

  /** A canonical record schema (the exact text Avro's toString gives), 300 to 700 bytes as versions add fields. */
  static String schema(int subject, int version) {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
    for (int f = 1; f <= version; f++) {
      fields.append(",{\"name\":\"field_").append(f).append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    return "{\"type\":\"record\",\"name\":\"Event" + subject + "\",\"namespace\":\"dev.handshake.scale\","
        + "\"doc\":\"A synthetic event for the memory test, subject " + subject + "\",\"fields\":[" + fields + "]}";
  }

  static String subject(int subject) {
    return String.format("scale-%05d-value", subject);
  }

  /** Writes the records the registry would have written for these registrations, straight into its log. */
  private void writeStore() throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (StoreLog log = StoreLog.open(dataDir, quiet, (position, payload) -> { })) {
      int id = 0;
      for (int v = 1; v <= VERSIONS; v++) {
        for (int s = 0; s < SUBJECTS; s++) {
          log.append(new LogRecord.Register(subject(s), v, ++id, schema(s, v), List.of(), false));
        }
      }
      log.sync(log.written());
    }
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void fiftyThousandSchemasAreServedFromASixteenMebibyteHeap() throws Exception {
    assertThat(new Schema.Parser().parse(schema(7, 3)).toString()).isEqualTo(schema(7, 3));
    writeStore();
    assertThat(Files.size(dataDir.resolve(StoreLog.FILE_NAME))).as("log larger than the heap")
        .isGreaterThan(32L << 20);

    try (ChildRegistry registry = ChildRegistry.start(RegistryServer.class, List.of("-Xmx16m", "-XX:+UseSerialGC"),
        "--data-dir", dataDir.toString(), "--port", "0")) {
      String url = registry.url();
      JsonNode stats = get(url + "/handshake/stats");
      assertThat(stats.path("schemas").asInt()).isEqualTo(SUBJECTS * VERSIONS);
      assertThat(stats.path("subjects").asInt()).isEqualTo(SUBJECTS);

      JsonNode all = get(url + "/subjects");
      assertThat(all).hasSize(SUBJECTS);
      assertThat(all.get(0).asText()).isEqualTo(subject(0));
      assertThat(all.get(SUBJECTS - 1).asText()).isEqualTo(subject(SUBJECTS - 1));
      assertThat(get(url + "/subjects?subjectPrefix=scale-012")).hasSize(100);
      JsonNode page = get(url + "/subjects?offset=4990&limit=20");
      assertThat(page).hasSize(10);
      assertThat(page.get(0).asText()).isEqualTo(subject(4990));
      assertThat(get(url + "/subjects?subjectPrefix=scale-01&offset=600&limit=3").get(0).asText())
          .isEqualTo(subject(1600));
      assertThat(get(url + "/subjects?limit=0")).isEmpty();

      RestSchemaRegistry client = RestSchemaRegistry.of(url);
      for (int s = 0; s < SUBJECTS; s += 499) {
        assertThat(client.latest(subject(s)).schema()).isEqualTo(schema(s, VERSIONS));
        assertThat(client.schemaById(s + 1).schema()).isEqualTo(schema(s, 1));
        assertThat(client.lookup(subject(s), RegistrySchema.of(schema(s, 4))).orElseThrow().version()).isEqualTo(4);
      }
      // A registration checks BACKWARD against the latest version, parsed from the log on demand.
      assertThat(client.register(subject(42), RegistrySchema.of(schema(42, VERSIONS + 1))))
          .isEqualTo(SUBJECTS * VERSIONS + 1);
    }
  }
}
