package dev.handshake.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.testsupport.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many instances on Kafka's and PostgreSQL's own machinery, each a process killed with SIGKILL while events flow:
 * auth-service instances sharing one consumer group and one database over the topic's three partitions (one of them
 * also frozen with SIGSTOP until the group moved on, then resumed as a zombie), and two
 * user-service instances taking turns through the relay lease. Each ends with auth's users equal to
 * user-service's snapshot and every distinct event applied exactly once, none of them after a later version of its
 * user (stale 0: per-user order held).
 */
class InstancesIT {
  private static final int WRITERS = 4;
  /** The consumer group the shared instances join: auth-service's default CONSUMER_GROUP. */
  private static final String GROUP = "auth-service";
  /** The relay lease's advisory lock key (OutboxRelay.LEASE, "Relay") as pg_locks shows a bigint key. */
  private static final long LEASE = 0x52656c6179L;
  /**
   * How soon the surviving user-service must send after the lease holder is killed: the server ends a killed
   * client's session as soon as the kernel closes its socket, then the survivor's next round (OUTBOX_POLL_MS,
   * 100 ms here) takes the lease. Generous against a loaded machine; the measured figure is printed.
   */
  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);

  @Test
  void authInstanceKilledMidRebalanceAndAFourthStartedApplyEveryEventExactlyOnce(@TempDir Path dataDir)
      throws Exception {
    int events = 10_000;
    try (LocalStack stack = LocalStack.start(dataDir)) {
      List<ServiceJar> running = new ArrayList<>();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      ServiceJar zombie = null;
      try {
        running.add(stack.startUserService());
        for (int i = 0; i < 3; i++) {
          running.add(stack.startAuthServiceSharingTheGroup());
        }
        ServiceJar survivor = running.get(1);
        AtomicInteger written = new AtomicInteger();
        List<Future<?>> work = startWriters(stack, writers, events, written);
        Await.until("the three instances applied 2,000 events", Duration.ofMinutes(2),
            () -> stats(survivor).path("applied").asLong() >= 2_000);

        // One of the three freezes with a partition, what it fetched and its database sessions (SIGSTOP) until the
        // group gave its partitions to the others, then goes on as a zombie: its batch in hand must be fenced.
        zombie = running.get(3);
        Await.until("the third instance holds a partition", () -> !partitions(running.get(3)).isEmpty());
        zombie.pause();
        // A fourth instance joins: the group rebalances, partitions move; one of the three dies in the middle.
        ServiceJar fourth = stack.startAuthServiceSharingTheGroup();
        running.add(fourth);
        running.get(2).kill();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.infra.kafkaBootstrapServers()))) {
          Await.until("the group is stable with the two live instances, without the killed and the frozen one",
              Duration.ofMinutes(1), () -> stableWith(admin, 2));
        }
        zombie.resume();

        for (Future<?> future : work) {
          future.get(5, TimeUnit.MINUTES);
        }
        assertEveryEventAppliedOnceInOrder(stack, survivor, true);
      } finally {
        writers.shutdownNow();
        if (zombie != null) {
          zombie.resume(); // a stopped process would not act on the close's SIGTERM
        }
        closeAll(running);
      }
    }
  }

  @Test
  void relayLeaseHolderKilledIsReplacedWithinTheBoundAndNothingIsLost(@TempDir Path dataDir) throws Exception {
    int events = 4_000;
    try (LocalStack stack = LocalStack.start(dataDir)) {
      List<ServiceJar> running = new ArrayList<>();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      try (Connection database = DriverManager.getConnection(stack.infra.userDbUrl())) {
        // The writers' user-service stays; the other one is killed while it holds the lease.
        running.add(stack.startUserService(Map.of("DB_URL", stack.userDbUrlNamed("user-service-1"))));
        ServiceJar holder = stack.startUserServiceInstance("user-service-2");
        running.add(holder);
        ServiceJar auth = stack.startAuthService(Map.of());
        running.add(auth);
        AtomicInteger written = new AtomicInteger();
        List<Future<?>> work = startWriters(stack, writers, events, written);

        Await.until("user-service-2 holds the relay lease while events flow", Duration.ofMinutes(2),
            () -> "user-service-2".equals(leaseHolder(database)) || written.get() >= events);
        assertThat(written.get()).as("the lease was seen with user-service-2 before the writers finished")
            .isLessThan(events);
        long sentBefore = sent(database);
        long killedAt = System.nanoTime();
        holder.kill();
        Await.until("the killed instance's sessions are gone", TAKEOVER_BOUND,
            () -> sessions(database, "user-service-2") == 0);
        Duration freed = Duration.ofNanos(System.nanoTime() - killedAt);
        Await.until("user-service-1 sends a batch", TAKEOVER_BOUND, () -> sent(database) > sentBefore);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("relay lease holder killed: its sessions gone after %d ms, the other instance sent after "
            + "%d ms%n", freed.toMillis(), takeover.toMillis());
        assertThat(leaseHolder(database)).isNotEqualTo("user-service-2");

        for (Future<?> future : work) {
          future.get(5, TimeUnit.MINUTES);
        }
        // The killed holder's batch was sent but never marked: sent again, so duplicates may be counted.
        assertEveryEventAppliedOnceInOrder(stack, auth, false);
      } finally {
        writers.shutdownNow();
        closeAll(running);
      }
    }
  }

  private static List<Future<?>> startWriters(LocalStack stack, ExecutorService writers, int events,
      AtomicInteger written) {
    List<Future<?>> work = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      work.add(writers.submit(() -> CrashIT.write(stack, writer, events / WRITERS, written)));
    }
    return work;
  }

  private static void assertEveryEventAppliedOnceInOrder(LocalStack stack, ServiceJar auth, boolean noRedelivery)
      throws Exception {
    Await.until("the relay sent every event", Duration.ofMinutes(3),
        () -> stack.userServiceClient().get("/admin/outbox").path("pending").asLong() == 0);
    stack.awaitEqual("auth equals user-service's snapshot", auth.client());
    long distinct = stack.outboxEvents();
    Await.until("auth applied every distinct event", Duration.ofMinutes(2),
        () -> stats(auth).path("applied").asLong() >= distinct);
    JsonNode stats = stats(auth);
    assertThat(stats.path("applied").asLong()).as("applied = distinct events: " + stats).isEqualTo(distinct);
    assertThat(stats.path("stale").asLong()).as("no event after a later one of its user: " + stats).isZero();
    assertThat(stats.path("deadLettered").asLong()).isZero();
    if (noRedelivery) {
      assertThat(stats.path("duplicates").asLong()).as("nothing applied twice nor read twice: " + stats).isZero();
    }
  }

  private static JsonNode stats(ServiceJar auth) throws Exception {
    return auth.client().get("/admin/stats");
  }

  /** The partitions an instance holds now, by its lag per partition (known once it fetched from each). */
  private static Set<String> partitions(ServiceJar instance) throws Exception {
    Set<String> held = new TreeSet<>();
    stats(instance).path("lagByPartition").fieldNames().forEachRemaining(held::add);
    return held;
  }

  /** Whether auth-service's group is stable with {@code members} members, as the group coordinator says. */
  private static boolean stableWith(Admin admin, int members) throws Exception {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS)
        .get(GROUP);
    return group.groupState() == GroupState.STABLE && group.members().size() == members;
  }

  /** application_name of the session holding the relay lease, or null when nobody holds it. */
  private static String leaseHolder(Connection database) throws Exception {
    try (PreparedStatement select = database.prepareStatement("""
        select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid::bigint = ? and l.objid::bigint = ?""")) {
      select.setLong(1, LEASE >>> 32);
      select.setLong(2, LEASE & 0xffffffffL);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static long sessions(Connection database, String applicationName) throws Exception {
    try (PreparedStatement select = database.prepareStatement(
        "select count(*) from pg_stat_activity where application_name = ?")) {
      select.setString(1, applicationName);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long sent(Connection database) throws Exception {
    try (PreparedStatement select = database.prepareStatement(
        "select count(*) from outbox where sent_at is not null");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void closeAll(List<ServiceJar> running) {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }
}
