package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.json.Json;
import dev.handshake.registry.store.StoreLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit, counted in the store (flushes), never timed: concurrent registrations share one force, and a
 * read that does not depend on a pending registration does not wait for its flush.
 */
class RegistryGroupCommitTest {
  private static final int CLIENTS = 16;
  private static final long DEADLINE_SECONDS = 120;

  @TempDir
  Path dataDir;

  @Test
  void registrationsWaitingForOneFlushAreAllCoveredByIt() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      StoreLog log = server.store().log();
      RestSchemaRegistry.of(server.url()).setGlobalCompatibility(CompatibilityLevel.NONE);
      long appendsBefore = log.appends();
      long flushesBefore = log.flushes();
      // The first flush holds until every client's record is appended (or the deadline passes): one force must
      // then cover all of them, and no client may need a second one.
      CountDownLatch released = new CountDownLatch(1);
      log.beforeForce = () -> {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (released.getCount() > 0 && log.appends() < appendsBefore + CLIENTS && System.nanoTime() < end) {
          LockSupport.parkNanos(100_000);
        }
        released.countDown();
      };

      List<Integer> ids = registerConcurrently(server.url(), CLIENTS, 1);

      assertThat(ids).doesNotHaveDuplicates().hasSize(CLIENTS);
      assertThat(log.appends() - appendsBefore).isEqualTo(CLIENTS);
      assertThat(log.flushes() - flushesBefore).as("forces for %d concurrent registrations", CLIENTS).isEqualTo(1);
    }
  }

  @Test
  void concurrentRegistrationsOnARealDiskShareFlushes() throws Exception {
    int perClient = 20;
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      StoreLog log = server.store().log();
      RestSchemaRegistry.of(server.url()).setGlobalCompatibility(CompatibilityLevel.NONE);
      long appendsBefore = log.appends();
      long flushesBefore = log.flushes();

      registerConcurrently(server.url(), CLIENTS, perClient);

      long registrations = log.appends() - appendsBefore;
      long flushes = log.flushes() - flushesBefore;
      assertThat(registrations).isEqualTo((long) CLIENTS * perClient);
      assertThat((double) registrations / flushes).as("registrations per flush (%d / %d)", registrations, flushes)
          .isGreaterThan(1.0);
    }
  }

  @Test
  void aLookupOfADurableSchemaDoesNotWaitForAnotherRegistrationsFlush() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      client.setGlobalCompatibility(CompatibilityLevel.NONE);
      int old = client.register("old", RegistrySchema.of(RegistryConcurrencyTest.schema(0, 0)));
      StoreLog log = server.store().log();
      CountDownLatch flushHeld = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      log.beforeForce = () -> {
        flushHeld.countDown();
        try {
          release.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Integer> pending = pool.submit(() -> client.register("new",
            RegistrySchema.of(RegistryConcurrencyTest.schema(1, 1))));
        assertThat(flushHeld.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();

        // The flush of "new" is held: reads that do not depend on it answer anyway.
        assertThat(client.schemaById(old).schema()).contains("\"name\"");
        assertThat(client.latest("old").id()).isEqualTo(old);
        assertThat(pending.isDone()).as("the registration is still waiting for its flush").isFalse();

        release.countDown();
        assertThat(pending.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isGreaterThan(old);
      } finally {
        release.countDown();
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aFailedFlushAnswersEveryWaitingRegistrationWithA500AndTheServerGoesOn() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      StoreLog log = server.store().log();
      log.beforeForce = () -> {
        throw new IllegalStateException("the disk refused the flush");
      };
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
              URI.create(server.url() + "/subjects/failing/versions"))
          .timeout(Duration.ofSeconds(DEADLINE_SECONDS))
          .header("Content-Type", "application/vnd.schemaregistry.v1+json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.writeString(Json.object("schema",
              RegistryConcurrencyTest.schema(2, 2))))).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(500);
      assertThat(refused.body()).contains("\"error_code\":50001").contains("the disk refused the flush");
      log.beforeForce = () -> { };
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      assertThat(client.register("after", RegistrySchema.of(RegistryConcurrencyTest.schema(3, 3))))
          .as("the next registration is flushed and answered").isPositive();
    }
  }

  private static List<Integer> registerConcurrently(String url, int clients, int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        futures.add(pool.submit(() -> {
          RestSchemaRegistry registry = RestSchemaRegistry.of(url);
          start.await();
          List<Integer> ids = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            ids.add(registry.register("group-" + client + "-" + i,
                RegistrySchema.of(RegistryConcurrencyTest.schema(client, i))));
          }
          return ids;
        }));
      }
      start.countDown();
      List<Integer> ids = new ArrayList<>();
      for (Future<List<Integer>> future : futures) {
        ids.addAll(future.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }
}
