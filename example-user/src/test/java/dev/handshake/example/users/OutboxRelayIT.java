package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.support.Settings;
import dev.handshake.example.users.KafkaStack.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relay's guarantees on a real broker and a real PostgreSQL. The relays here run against their own
 * database, with no service relay beside them, and are driven one batch at a time where the test needs to
 * say exactly what happened when.
 */
class OutboxRelayIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final AtomicInteger TOPICS = new AtomicInteger();
  @RegisterExtension
  static final RelayFixture RELAY = new RelayFixture();


  @Test
  void publishesEachEventKeyedByUserWithItsHeadersAndHandshakesWireFormat() {
    String topic = newTopic(3);
    User user = RELAY.parts().users().create("relay@example.com", "Relay");
    RELAY.parts().users().update(user.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("SUSPENDED"));
    RELAY.parts().users().delete(user.id());

    try (OutboxRelay relay = relay(topic, OutboxRelay.AfterSend.NOTHING)) {
      assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }

    List<Received> records = RELAY.stack().readUntil(topic, r -> r.size() >= 3, WAIT);
    assertThat(records).extracting(Received::key).containsOnly(user.id());
    assertThat(records).extracting(Received::type).containsExactly("UserCreated", "UserUpdated", "UserDeleted");
    assertThat(records).extracting(Received::version).containsExactly(1L, 2L, 3L);
    assertThat(records).extracting(Received::position).isSorted().doesNotHaveDuplicates();
    for (Received record : records) {
      assertThat(record.value().get("eventId").toString()).isEqualTo(record.id());
      assertThat(record.value().getSchema().getName()).isEqualTo(record.type());
      assertThat(record.value().get("email").toString()).isEqualTo("relay@example.com");
    }
    assertThat(records.get(1).value().get("status").toString()).isEqualTo("SUSPENDED");
    OutboxAdmin.Status status = RELAY.parts().admin().status();
    assertThat(status.pending()).isZero();
    assertThat(status.lastSentPosition()).isEqualTo(records.get(2).position());
  }

  @Test
  void aCrashBetweenSendAndMarkSendsTheEventAgainAndNeverLosesIt() throws Exception {
    String topic = newTopic(1);
    User user = RELAY.parts().users().create("crash@example.com", "Crash");
    long pending = RELAY.parts().admin().status().pending();

    try (OutboxRelay crashing = relay(topic, events -> {
      throw new IllegalStateException("relay process died after the broker's ack, before marking");
    })) {
      assertThatThrownBy(crashing::relayOnce).hasMessageContaining("died");
    }
    assertThat(RELAY.parts().admin().status().pending()).as("still unsent after the crash").isEqualTo(pending);

    try (OutboxRelay restarted = relay(topic, OutboxRelay.AfterSend.NOTHING)) {
      assertThat(restarted.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);
    }
    List<Received> records = RELAY.stack().readUntil(topic, r -> r.size() >= 2, WAIT);
    assertThat(records).extracting(Received::key).containsOnly(user.id());
    assertThat(records.get(0).id()).as("the same event, sent twice").isEqualTo(records.get(1).id());
    assertThat(RELAY.parts().admin().status().pending()).isZero();
  }

  @Test
  void anEventTheBrokerNeverAcknowledgedStaysUnsent() throws Exception {
    String topic = newTopic(1);
    User user = RELAY.parts().users().create("unacked@example.com", "Unacked");
    Map<String, String> deadBroker = new HashMap<>(RELAY.stack().relayEnv(topic));
    deadBroker.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
    Map<String, Object> properties = RelayProducer.properties(Settings.of(deadBroker)).orElseThrow();
    properties.put("max.block.ms", 2_000);

    try (OutboxRelay unreachable = new OutboxRelay(RELAY.parts().transactions(), RELAY.parts().signal(), RELAY.parts().admin(),
        RelayProducer.create(properties), config(topic), OutboxRelay.AfterSend.NOTHING, quiet())) {
      assertThat(unreachable.relayOnce()).isEqualTo(OutboxRelay.Round.STALLED);
    }
    assertThat(RELAY.parts().admin().status().pending()).isEqualTo(1);

    try (OutboxRelay reachable = relay(topic, OutboxRelay.AfterSend.NOTHING)) {
      assertThat(reachable.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);
    }
    assertThat(RELAY.stack().readUntil(topic, r -> !r.isEmpty(), WAIT)).extracting(Received::key).containsExactly(user.id());
  }

  @Test
  void twoRelaysAtOnceSendEveryEventOnceAndEachUsersEventsInOrder() throws Exception {
    String topic = newTopic(3);
    try (OutboxRelay first = relay(topic, OutboxRelay.AfterSend.NOTHING).start();
        OutboxRelay second = relay(topic, OutboxRelay.AfterSend.NOTHING).start()) {
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<List<UUID>>> written = new ArrayList<>();
      try {
        for (int w = 0; w < 4; w++) {
          int writer = w;
          written.add(writers.submit(() -> writeUsers(writer, 15)));
        }
        Set<UUID> expected = new HashSet<>();
        for (Future<List<UUID>> ids : written) {
          ids.get(120, TimeUnit.SECONDS).forEach(expected::add);
        }
        List<Received> records = RELAY.stack().readUntil(topic, r -> r.size() >= expected.size(), WAIT);

        assertThat(records).extracting(r -> UUID.fromString(r.id())).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Long> lastVersion = new HashMap<>();
        records.stream().sorted((a, b) -> a.partition() != b.partition() ? a.partition() - b.partition()
            : Long.compare(a.offset(), b.offset())).forEach(record -> {
              Long previous = lastVersion.put(record.key(), record.version());
              assertThat(record.version()).as("user " + record.key()).isEqualTo(previous == null ? 1 : previous + 1);
            });
      } finally {
        writers.shutdownNow();
        writers.awaitTermination(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aPausedRelaySendsNothingAndResumeSendsWhatWaited() throws Exception {
    String topic = newTopic(1);
    RELAY.parts().admin().setPaused(true);
    User user = RELAY.parts().users().create("paused@example.com", "Paused");
    try (OutboxRelay relay = relay(topic, OutboxRelay.AfterSend.NOTHING)) {
      assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.PAUSED);
      assertThat(RELAY.parts().admin().status()).extracting(OutboxAdmin.Status::pending, OutboxAdmin.Status::paused)
          .containsExactly(1L, true);
      RELAY.parts().admin().setPaused(false);
      assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);
    }
    assertThat(RELAY.stack().readUntil(topic, r -> !r.isEmpty(), WAIT)).extracting(Received::key).containsExactly(user.id());
  }

  @Test
  void theUnsentMeterReadByIndexLookupsEqualsACountOfTheUnsentRows() throws Exception {
    String topic = newTopic(1);
    assertThat(OutboxMeters.read(RELAY.parts().transactions())).isEqualTo(new OutboxMeters.Backlog(0, 0, false));
    for (int i = 0; i < 5; i++) {
      RELAY.parts().users().create("metered" + i + "@example.com", "Metered " + i);
    }
    OutboxMeters.Backlog waiting = OutboxMeters.read(RELAY.parts().transactions());
    assertThat(waiting.unsent()).isEqualTo(unsentRows()).isEqualTo(5);
    assertThat(waiting.oldestAgeSeconds()).isPositive();
    try (OutboxRelay relay = relay(topic, OutboxRelay.AfterSend.NOTHING)) {
      assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);
      assertThat(OutboxMeters.read(RELAY.parts().transactions()).unsent()).isZero();

      long lastTwo = RELAY.stack().readUntil(topic, r -> r.size() >= 5, WAIT).get(3).position();
      RELAY.parts().admin().replay(lastTwo);
      RELAY.parts().users().create("metered-late@example.com", "Late");
      assertThat(OutboxMeters.read(RELAY.parts().transactions()).unsent()).as("two replayed, one new")
          .isEqualTo(unsentRows()).isEqualTo(3);
      assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);
    }
    assertThat(OutboxMeters.read(RELAY.parts().transactions())).isEqualTo(new OutboxMeters.Backlog(0, 0, false));
  }

  private static long unsentRows() throws Exception {
    try (Connection connection = RELAY.database().dataSource().getConnection();
        Statement select = connection.createStatement();
        var rows = select.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void replayRepublishesSentEventsFromAPositionWithTheirOriginalIds() throws Exception {
    String topic = newTopic(1);
    for (int i = 0; i < 3; i++) {
      RELAY.parts().users().create("replay" + i + "@example.com", "Replay " + i);
    }
    try (OutboxRelay relay = relay(topic, OutboxRelay.AfterSend.NOTHING)) {
      assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);
      List<Received> first = RELAY.stack().readUntil(topic, r -> r.size() >= 3, WAIT);

      long from = first.get(1).position();
      assertThat(RELAY.parts().admin().replay(from)).isEqualTo(2);
      assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.SENT);

      List<Received> all = RELAY.stack().readUntil(topic, r -> r.size() >= 5, WAIT);
      assertThat(all.subList(3, 5)).extracting(Received::id, Received::position)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(first.get(1).id(), first.get(1).position()),
              org.assertj.core.groups.Tuple.tuple(first.get(2).id(), first.get(2).position()));
    }
    assertThat(RELAY.parts().admin().status().pending()).isZero();
  }

  /** Creates users and changes each once; returns the event ids written. */
  private static List<UUID> writeUsers(int writer, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      User user = RELAY.parts().users().create("w" + writer + "-" + i + "@example.com", "W" + i);
      RELAY.parts().users().update(user.id(), Optional.empty(), Optional.of("Renamed"), Optional.empty(), Optional.empty());
    }
    try (Connection connection = RELAY.database().dataSource().getConnection();
        Statement select = connection.createStatement();
        var rows = select.executeQuery(
            "SELECT id FROM outbox WHERE aggregateid IN (SELECT id FROM users WHERE email LIKE 'w" + writer + "-%')")) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  private static OutboxRelay relay(String topic, OutboxRelay.AfterSend afterSend) {
    Map<String, Object> properties = RelayProducer.properties(Settings.of(RELAY.stack().relayEnv(topic))).orElseThrow();
    return new OutboxRelay(RELAY.parts().transactions(), RELAY.parts().signal(), RELAY.parts().admin(), RelayProducer.create(properties),
        config(topic), afterSend, quiet());
  }

  private static OutboxRelay.Config config(String topic) {
    return new OutboxRelay.Config(topic, 500, Duration.ofMillis(100), Duration.ofHours(1));
  }

  /** v1's topic, created with v2's beside it ({@code .v2}): the relay publishes both (DualPublicationIT). */
  private static String newTopic(int partitions) {
    String topic = "user-events-" + TOPICS.incrementAndGet();
    RELAY.stack().createTopic(topic, partitions);
    RELAY.stack().createTopic(EventVersion.V2.topic(topic), partitions);
    return topic;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
