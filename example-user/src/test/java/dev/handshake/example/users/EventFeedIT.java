package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.users.ApiClient.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /events}: paging by position, the long-poll, and what a purged position answers. */
class EventFeedIT {
  @RegisterExtension
  static final RunningService RUNNING = new RunningService();

  @Test
  void pagesCoverEveryEventOnceInPositionOrder() {
    long start = head();
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      created.add(RUNNING.api().createUser("page" + i + "@example.com", "Page " + i).get("id").asText());
    }

    List<Long> positions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long after = start;
    int pages = 0;
    while (true) {
      JsonNode page = RUNNING.api().get("/events?after=" + after + "&limit=10").body();
      if (page.get("events").isEmpty()) {
        assertThat(page.get("last").asLong()).isEqualTo(after);
        break;
      }
      pages++;
      assertThat(page.get("events").size()).isLessThanOrEqualTo(10);
      for (JsonNode event : page.get("events")) {
        positions.add(event.get("position").asLong());
        seen.add(event.get("userId").asText());
        assertThat(event.get("type").asText()).isEqualTo("UserCreated");
        assertThat(event.get("eventId").asText()).isEqualTo(event.get("data").get("eventId").asText());
        assertThat(event.get("data").get("email").asText()).endsWith("@example.com");
      }
      assertThat(page.get("last").asLong()).isEqualTo(positions.get(positions.size() - 1));
      after = page.get("last").asLong();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(positions).hasSize(25).isSorted().doesNotHaveDuplicates();
    assertThat(seen).isEqualTo(created);
  }

  @Test
  void aLongPollAnswersWithTheNextEventWhenItArrives() throws Exception {
    long head = head();
    CompletableFuture<Response> waiting =
        CompletableFuture.supplyAsync(() -> RUNNING.api().get("/events?after=" + head + "&timeout=60000"));
    // The request is parked on the position signal until the write below is positioned.
    String id = RUNNING.api().createUser("awaited@example.com", "Awaited").get("id").asText();

    Response response = waiting.get(90, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("events")).hasSize(1);
    assertThat(response.body().get("events").get(0).get("userId").asText()).isEqualTo(id);
  }

  @Test
  void withoutATimeoutAnEmptyPageComesAtOnce() {
    long head = head();
    JsonNode page = RUNNING.api().get("/events?after=" + head).body();
    assertThat(page.get("events")).isEmpty();
    assertThat(page.get("last").asLong()).isEqualTo(head);
  }

  @Test
  void aPositionWhoseEventsWerePurgedIs410NotASilentGap() throws Exception {
    RUNNING.api().createUser("purged@example.com", "Purged");
    long head = head();
    markAllSent();
    assertThat(RUNNING.service().admin().purge(Duration.ZERO)).isPositive();

    Response gone = RUNNING.api().get("/events?after=0");
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.field()).isEqualTo("after");
    assertThat(gone.error()).contains("GET /users/snapshot");
    assertThat(RUNNING.api().get("/events?after=" + head).status()).isEqualTo(200);
    Response replay = RUNNING.api().post("/admin/outbox/replay", "{\"fromPosition\":1}");
    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.field()).isEqualTo("fromPosition");
  }

  private static long head() {
    return RUNNING.service().parts().sequencer().sequence();
  }

  /** What the relay does after the broker's ack; here without a broker, to test the purge on its own. */
  private static void markAllSent() throws Exception {
    try (Connection connection = RUNNING.service().parts().transactions().dataSource().getConnection();
        Statement update = connection.createStatement()) {
      update.executeUpdate("UPDATE outbox SET sent_at = now() - interval '1 second' WHERE position IS NOT NULL");
    }
  }
}
