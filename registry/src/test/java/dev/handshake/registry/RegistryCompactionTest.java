package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.store.Compaction;
import dev.handshake.registry.store.StoreLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compaction drops deleted versions and superseded levels and keeps everything else exactly; killed (SIGKILL)
 * at any point, it loses nothing that was acknowledged.
 */
class RegistryCompactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  Path dataDir;

  /** Versions (deleted ones too), ids, texts and levels as a client sees them. */
  static Map<String, String> visibleState(String url) throws Exception {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("config", get(url, "/config").toString());
    for (JsonNode subject : get(url, "/subjects?deleted=true")) {
      String s = subject.asText();
      state.put(s + " live", get(url, "/subjects/" + s + "/versions").toString());
      for (JsonNode version : get(url, "/subjects/" + s + "/versions?deleted=true")) {
        JsonNode body = get(url, "/subjects/" + s + "/versions/" + version.asInt() + "?deleted=true");
        state.put(s + " v" + version.asInt(), body.toString());
      }
      state.put(s + " level", get(url, "/config/" + s + "?defaultToGlobal=true").toString());
    }
    for (int id = 1; ; id++) {
      HttpResponse<String> schema = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/schemas/ids/" + id)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (schema.statusCode() == 404) {
        break;
      }
      state.put("id " + id, schema.body());
    }
    return state;
  }

  private static JsonNode get(String url, String path) throws Exception {
    return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  /** Versions, soft and permanent deletes, an orphaned schema id and a level changed many times. */
  private static void churn(RestSchemaRegistry client, int levelChanges) {
    client.setGlobalCompatibility(CompatibilityLevel.NONE);
    for (int i = 0; i < 6; i++) {
      client.register("kept-" + (i % 3), RegistrySchema.of(RegistryConcurrencyTest.schema(i, 0)));
    }
    client.register("shared-a", RegistrySchema.of(RegistryConcurrencyTest.schema(9, 9)));
    client.register("shared-b", RegistrySchema.of(RegistryConcurrencyTest.schema(9, 9)));
    client.register("soft", RegistrySchema.of(RegistryConcurrencyTest.schema(7, 1)));
    client.deleteSubject("soft", false);
    client.register("gone", RegistrySchema.of(RegistryConcurrencyTest.schema(8, 1)));
    client.deleteSubject("gone", false);
    client.deleteSubject("gone", true);
    for (int i = 0; i < levelChanges; i++) {
      client.setSubjectCompatibility("kept-0", i % 2 == 0 ? CompatibilityLevel.FULL : CompatibilityLevel.NONE);
    }
  }

  @Test
  void compactionKeepsWhatClientsSeeAndDropsTheRest() throws Exception {
    Map<String, String> before;
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      churn(RestSchemaRegistry.of(server.url()), 200);
      before = visibleState(server.url());
      long logBefore = Files.size(dataDir.resolve(StoreLog.FILE_NAME));

      long dropped = server.store().compact(stage -> { });

      assertThat(dropped).isGreaterThanOrEqualTo(200);
      assertThat(Files.size(dataDir.resolve(StoreLog.FILE_NAME))).isLessThan(logBefore / 4);
      assertThat(visibleState(server.url())).isEqualTo(before);
    }
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      assertThat(visibleState(server.url())).isEqualTo(before);
      long ids = before.keySet().stream().filter(k -> k.startsWith("id ")).count();
      assertThat(before).containsKey("id " + ids).as("the permanently deleted subject's schema keeps its id");
      int next = RestSchemaRegistry.of(server.url()).register("after",
          RegistrySchema.of(RegistryConcurrencyTest.schema(5, 5)));
      assertThat(next).isEqualTo(ids + 1);
    }
  }

  @Test
  void aLogMostlyOfSupersededRecordsIsCompactedInTheBackground() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      churn(client, 1100);
      long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
      // Compaction starts once superseded records are half the log (after about 1,024 records): at most the
      // level changes made after the last compaction remain.
      while (server.store().state().records > 300 && System.nanoTime() < end) {
        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
      }
      assertThat(server.store().queries().stats().get("logRecords")).as("records after compaction")
          .isInstanceOfSatisfying(Long.class, records -> assertThat(records).isLessThanOrEqualTo(300));
      assertThat(client.subjectCompatibility("kept-0")).contains(CompatibilityLevel.NONE);
    }
  }

  @Test
  void sideFilesAreNeverDeletedByTheRegistry() throws Exception {
    Files.createDirectories(dataDir);
    for (long millis = 1_000; millis < 1_006; millis++) {
      Files.writeString(dataDir.resolve(StoreLog.TORN_PREFIX + millis), "half a record");
    }
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      assertThat(RestSchemaRegistry.of(server.url()).subjects()).isEmpty();
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(StoreLog.TORN_PREFIX)))
          .containsExactlyInAnyOrder(StoreLog.TORN_PREFIX + 1000, StoreLog.TORN_PREFIX + 1001,
              StoreLog.TORN_PREFIX + 1002, StoreLog.TORN_PREFIX + 1003, StoreLog.TORN_PREFIX + 1004,
              StoreLog.TORN_PREFIX + 1005);
    }
  }

  @ParameterizedTest
  @EnumSource(Compaction.Stage.class)
  void sigkillDuringCompactionLosesNothingAcknowledged(Compaction.Stage stage) throws Exception {
    Map<String, String> acknowledged;
    try (ChildRegistry registry = ChildRegistry.start(CompactionCrashMain.class, java.util.List.of(),
        dataDir.toString())) {
      RestSchemaRegistry client = RestSchemaRegistry.of(registry.url());
      churn(client, 300);
      acknowledged = visibleState(registry.url());
      registry.send("compact " + stage);
      registry.awaitLine("paused at " + stage);
      if (stage == Compaction.Stage.COPIED) {
        // The copy runs without the writer lock: registrations go on and must survive too. (At the later
        // stages compaction holds the writer lock, so nothing more can be acknowledged.)
        client.register("during", RegistrySchema.of(RegistryConcurrencyTest.schema(3, 3)));
        client.deleteSubject("kept-2", false);
        client.setSubjectCompatibility("kept-1", CompatibilityLevel.FORWARD);
        acknowledged = visibleState(registry.url());
      }
      registry.kill();
    }
    try (ChildRegistry restarted = ChildRegistry.server(dataDir)) {
      assertThat(visibleState(restarted.url())).isEqualTo(acknowledged);
      try (Stream<Path> files = Files.list(dataDir)) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(Compaction.SUFFIX));
      }
      RestSchemaRegistry.of(restarted.url()).register("after", RegistrySchema.of(RegistryConcurrencyTest
          .schema(4, 4)));
    }
  }
}
