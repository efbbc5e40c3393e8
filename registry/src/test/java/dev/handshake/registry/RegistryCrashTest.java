package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RegistryClientConfig;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, tested the hard way: the registry runs as its own JVM, several clients register
 * concurrently, the process gets SIGKILL in the middle, and after a restart on the same data directory every
 * registration that was acknowledged is there with the same id and version.
 */
class RegistryCrashTest {
  private static final int CLIENTS = 6;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

  @TempDir
  Path dataDir;

  record Ack(String subject, String schema, int id) {
  }

  @Test
  void everyAcknowledgedRegistrationSurvivesKillDashNine() throws Exception {
    try (ChildRegistry first = ChildRegistry.server(dataDir)) {
      String url = first.url();
      RestSchemaRegistry.of(url).setGlobalCompatibility(CompatibilityLevel.NONE);
      List<Ack> acknowledged = new CopyOnWriteArrayList<>();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch enoughAcknowledged = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(pool.submit(() -> {
          // No retries: after the kill, each client should fail fast and stop.
          RestSchemaRegistry registry = new RestSchemaRegistry(RegistryClientConfig.of(url)
              .withRetries(0, Duration.ZERO));
          for (int i = 0; !stop.get(); i++) {
            String subject = "crash-" + (i % 4);
            String schema = RegistryConcurrencyTest.schema(client, i);
            try {
              acknowledged.add(new Ack(subject, schema, registry.register(subject, RegistrySchema.of(schema))));
              enoughAcknowledged.countDown();
            } catch (RuntimeException e) {
              return null;
            }
          }
          return null;
        }));
      }
      assertThat(enoughAcknowledged.await(120, TimeUnit.SECONDS)).as("registrations acknowledged before the kill")
          .isTrue();
      first.kill();
      stop.set(true);
      for (Future<?> future : clients) {
        future.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      List<Ack> acked = List.copyOf(acknowledged);

      try (ChildRegistry second = ChildRegistry.server(dataDir)) {
        RestSchemaRegistry registry = RestSchemaRegistry.of(second.url());
        for (Ack ack : acked) {
          RegisteredSchema found = registry.lookup(ack.subject(), RegistrySchema.of(ack.schema()))
              .orElseThrow(() -> new AssertionError("acknowledged registration lost: " + ack));
          assertThat(found.id()).isEqualTo(ack.id());
          assertThat(new org.apache.avro.Schema.Parser().parse(registry.schemaById(ack.id()).schema()))
              .isEqualTo(new org.apache.avro.Schema.Parser().parse(ack.schema()));
        }
        assertThat(new HashSet<>(acked.stream().map(Ack::id).toList())).hasSize(acked.size());
        for (String subject : registry.subjects()) {
          List<Integer> versions = registry.versions(subject);
          assertThat(versions.get(versions.size() - 1)).as("versions of %s have no gaps", subject)
              .isEqualTo(versions.size());
        }
        // The restarted registry keeps working on the same store.
        registry.register("after-crash", RegistrySchema.of(RegistryClientContractTest.V1));
      }
    }
  }
}
