package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once: no duplicate ids, no lost or repeated versions, identical schemas share one id. */
class RegistryConcurrencyTest {
  private static final int THREADS = 8;
  private static final int SCHEMAS_PER_THREAD = 15;
  private static final int SUBJECTS = 3;

  @TempDir
  Path dataDir;

  static String schema(int thread, int index) {
    return RegistryClientContractTest.record("T" + thread + "S" + index, "{\"name\": \"id\", \"type\": \"string\"}");
  }

  @Test
  void concurrentRegistrationsGetUniqueIdsAndGaplessVersions() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry setup = RestSchemaRegistry.of(server.url());
      setup.setGlobalCompatibility(CompatibilityLevel.NONE);
      String shared = RegistryClientContractTest.record("Shared", "{\"name\": \"id\", \"type\": \"string\"}");
      Map<String, Integer> idBySchema = new ConcurrentHashMap<>();
      Map<String, String> subjectBySchema = new ConcurrentHashMap<>();
      List<Integer> sharedIds = java.util.Collections.synchronizedList(new ArrayList<>());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
          start.await();
          for (int i = 0; i < SCHEMAS_PER_THREAD; i++) {
            String subject = "subject-" + (i % SUBJECTS);
            String text = schema(thread, i);
            idBySchema.put(text, client.register(subject, RegistrySchema.of(text)));
            subjectBySchema.put(text, subject);
            if (i == SCHEMAS_PER_THREAD / 2) {
              sharedIds.add(client.register("shared-" + thread, RegistrySchema.of(shared)));
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();

      int total = THREADS * SCHEMAS_PER_THREAD;
      assertThat(idBySchema).hasSize(total);
      assertThat(new HashSet<>(idBySchema.values())).hasSize(total);
      assertThat(new HashSet<>(sharedIds)).hasSize(1);
      assertThat(idBySchema.values()).doesNotContain(sharedIds.get(0));
      for (int s = 0; s < SUBJECTS; s++) {
        String subject = "subject-" + s;
        long expected = subjectBySchema.values().stream().filter(subject::equals).count();
        assertThat(setup.versions(subject)).containsExactlyElementsOf(
            IntStream.rangeClosed(1, (int) expected).boxed().toList());
      }
      Set<Integer> versionsSeen = new HashSet<>();
      idBySchema.forEach((text, id) -> {
        var found = setup.lookup(subjectBySchema.get(text), RegistrySchema.of(text)).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        versionsSeen.add(found.version() * 100 + Integer.parseInt(subjectBySchema.get(text).substring(8)));
      });
      assertThat(versionsSeen).hasSize(total);
    }
  }
}
