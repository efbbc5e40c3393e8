package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Positions follow commit order, not insert order: a transaction that inserted first but commits last is
 * still found by a reader that already read past the other one. An outbox read by insert id (a sequence or
 * identity assigned at INSERT) skips it: kafka-connect-jdbc #27, #915, #1015.
 */
class OutboxPositionIT {
  @RegisterExtension
  static final RunningService RUNNING = new RunningService().with("OUTBOX_POLL_MS", "50");

  @Test
  void aRowThatCommitsLateIsReadAfterTheRowsThatCommittedBeforeIt() throws Exception {
    UserService.Parts parts = RUNNING.service().parts();
    long start = parts.sequencer().sequence();
    try (Connection early = TestEvents.open(parts.transactions().dataSource());
        Connection late = TestEvents.open(parts.transactions().dataSource())) {
      UUID insertedFirst = TestEvents.appendCreated(early, "early");
      UUID insertedSecond = TestEvents.appendCreated(late, "late");
      late.commit();

      // The reader (the feed here; the relay reads the same positions) runs while `early` is still open,
      // and with the background listener sequencing every 50 ms.
      EventFeed.Page first = parts.feed().after(start, 100, Duration.ofSeconds(30));
      assertThat(ids(first)).containsExactly(insertedSecond);

      early.commit();
      EventFeed.Page next = parts.feed().after(first.last(), 100, Duration.ofSeconds(30));
      assertThat(ids(next)).containsExactly(insertedFirst);
      assertThat(next.events().get(0).position()).isGreaterThan(first.last());
    }
  }

  @Test
  void anOpenTransactionHoldsBackNothingElse() throws Exception {
    UserService.Parts parts = RUNNING.service().parts();
    long start = parts.sequencer().sequence();
    try (Connection open = TestEvents.open(parts.transactions().dataSource())) {
      TestEvents.appendCreated(open, "pending");
      String id = parts.users().create("flows@example.com", "Flows").id();

      EventFeed.Page page = parts.feed().after(start, 100, Duration.ofSeconds(30));
      assertThat(page.events()).extracting(OutboxEvent::userId).containsExactly(id);
      open.rollback();
    }
  }

  private static List<UUID> ids(EventFeed.Page page) {
    return page.events().stream().map(OutboxEvent::eventId).toList();
  }
}
