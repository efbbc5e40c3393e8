package dev.handshake.e2e;

import dev.handshake.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes while 10,000 events flow: auth-service is killed with SIGKILL at random points (and restarted), and
 * user-service once. At the end auth's users equal user-service's snapshot and auth applied each distinct event
 * exactly once: nothing lost, nothing doubled.
 */
class CrashIT {
  private static final int EVENTS = 10_000;
  private static final int WRITERS = 4;
  private static final int AUTH_KILLS = 4;

  @Test
  void authKilledAtRandomPointsAndUserServiceOnceLoseAndDoubleNothing(@TempDir Path dataDir) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (LocalStack stack = LocalStack.start(dataDir)) {
      Services services = new Services(stack);
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      try (services) {
        AtomicInteger written = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          work.add(writers.submit(() -> write(stack, writer, EVENTS / WRITERS, written)));
        }
        int userServiceKilledAt = EVENTS / 3 + random.nextInt(EVENTS / 3);
        boolean userServiceKilled = false;
        for (int kill = 0; kill < AUTH_KILLS; kill++) {
          long target = services.applied() + 300 + random.nextInt(1_500);
          Await.until("auth applied " + target + " events (seed " + seed + ")", Duration.ofMinutes(3),
              () -> services.applied() >= target || written.get() >= EVENTS);
          services.killAuth();
          if (!userServiceKilled && written.get() >= userServiceKilledAt) {
            services.killUserService();
            userServiceKilled = true;
          }
          services.restartAuth();
        }
        if (!userServiceKilled) {
          services.killUserService();
        }
        for (Future<?> future : work) {
          future.get(10, TimeUnit.MINUTES);
        }
        Await.until("the relay sent every event", Duration.ofMinutes(3),
            () -> stack.userServiceClient().get("/admin/outbox").path("pending").asLong() == 0);
        stack.awaitEqual("auth equals user-service's snapshot after the crashes (seed " + seed + ")",
            services.auth.client());
        long distinct = stack.outboxEvents();
        assertThat(distinct).as("events written").isGreaterThanOrEqualTo(EVENTS);
        Await.until("auth applied every distinct event", Duration.ofMinutes(2),
            () -> services.applied() == distinct);
        assertThat(services.applied()).as("applied = distinct events (seed " + seed + ")").isEqualTo(distinct);
        assertThat(services.auth.client().get("/admin/stats").path("deadLettered").asLong()).isZero();
      } finally {
        writers.shutdownNow();
      }
    }
  }

  /**
   * One writer's share of the events on its own users: creates, updates, deletes. A request that fails because
   * user-service was just killed waits for it to be back and goes on (the change may or may not have committed:
   * the comparison is with what user-service holds, the count with its outbox).
   */
  static Void write(LocalStack stack, int writer, int events, AtomicInteger written) throws Exception {
    ServiceClient api = stack.userServiceClient();
    List<String> live = new ArrayList<>();
    Random random = new Random(writer);
    int done = 0;
    int attempts = 0;
    while (done < events) {
      attempts++;
      try {
        if (live.size() < 50 || random.nextInt(10) < 2) {
          String id = api.expect(201, "POST", "/users", "{\"email\":\"w" + writer + "-" + attempts
              + "@example.com\",\"name\":\"n\"}").path("id").asText();
          live.add(id);
        } else if (random.nextInt(10) < 9) {
          String id = live.get(random.nextInt(live.size()));
          api.expect(200, "PUT", "/users/" + id, "{\"name\":\"n" + done + "\",\"status\":\""
              + (random.nextBoolean() ? "ACTIVE" : "SUSPENDED") + "\"}");
        } else {
          api.expect(204, "DELETE", "/users/" + live.remove(random.nextInt(live.size())), null);
        }
        done++;
        written.incrementAndGet();
      } catch (ConnectException | HttpTimeoutException e) {
        Await.until("user-service is back", Duration.ofMinutes(3),
            () -> api.send("GET", "/admin/outbox", null).status() == 200);
      } catch (IOException | AssertionError e) {
        // the connection broke mid-request (killed) or the change hit a user a lost answer already changed
        Await.until("user-service is back", Duration.ofMinutes(3),
            () -> api.send("GET", "/admin/outbox", null).status() == 200);
        live.clear();
      }
    }
    return null;
  }

  /** The two services of the test, killed and restarted on the same data and ports. */
  private static final class Services implements AutoCloseable {
    private final LocalStack stack;
    private ServiceJar user;
    private ServiceJar auth;

    Services(LocalStack stack) {
      this.stack = stack;
      this.user = stack.startUserService();
      this.auth = stack.startAuthService(Map.of());
    }

    long applied() throws Exception {
      return auth.client().get("/admin/stats").path("applied").asLong();
    }

    void killAuth() {
      auth.kill();
    }

    void restartAuth() {
      auth = stack.startAuthService(Map.of());
    }

    void killUserService() {
      user.kill();
      user = stack.startUserService();
    }

    @Override
    public void close() {
      try (ServiceJar u = user; ServiceJar a = auth) {
        // auth first, then user-service
      }
    }
  }
}
