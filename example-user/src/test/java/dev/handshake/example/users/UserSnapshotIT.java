package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.Database;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.Settings;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /users/snapshot} holds exactly the effect of the events at or below its position: a consumer that
 * loads it and then applies the events after the position ends where one that read every event ends.
 */
class UserSnapshotIT {

  @Test
  void underConcurrentWritesEverySnapshotEqualsTheEventsUpToItsPosition() throws Exception {
    try (UserService service = UserService.start(Map.of("HTTP_PORT", "0"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      ApiClient api = new ApiClient(service.url());
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ids.add(api.createUser("snap" + i + "@example.com", "Snap " + i).get("id").asText());
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService writers = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          done.add(writers.submit(() -> write(service.parts().users(), ids, writing)));
        }
        for (int round = 0; round < 15; round++) {
          ApiClient.Response response = api.get("/users/snapshot");
          assertThat(response.status()).as(response.toString()).isEqualTo(200);
          JsonNode snapshot = response.body();
          long position = snapshot.get("position").asLong();
          assertThat(usersOf(snapshot)).as("snapshot at position " + position)
              .isEqualTo(replay(api, position));
        }
        writing.set(false);
        int writes = 0;
        for (Future<Integer> writer : done) {
          writes += writer.get(60, TimeUnit.SECONDS);
        }
        assertThat(writes).as("writes that ran alongside the snapshots").isPositive();
      } finally {
        writing.set(false);
        writers.shutdownNow();
        writers.awaitTermination(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aWriteCommittedButNotYetPositionedIsCoveredByThePosition() throws Exception {
    // No listener and no HTTP: nothing positions the write below except the snapshot itself.
    try (Database database = Database.open(Settings.of(Map.of()), "db/users")) {
      UserService.Parts parts = UserService.Parts.wire(database);
      String userId;
      try (Connection connection = database.dataSource().getConnection()) {
        UUID eventId = TestEvents.appendCreated(connection, "unpositioned");
        try (PreparedStatement user = connection.prepareStatement("""
            INSERT INTO users (id, email, given_name, family_name, status, version)
            SELECT aggregateid, payload->>'email', payload->>'givenName', payload->>'familyName', 'ACTIVE', 1
            FROM outbox WHERE id = ?""")) {
          user.setObject(1, eventId);
          user.executeUpdate();
        }
        connection.commit();
        userId = parts.feed().after(0, 10, Duration.ZERO).events().isEmpty() ? findUser(connection) : null;
      }
      assertThat(userId).as("the write is committed and still has no position").isNotNull();

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      parts.snapshot().writeTo(out);
      JsonNode snapshot = JsonHttpServer.MAPPER.readTree(out.toByteArray());

      assertThat(usersOf(snapshot)).containsOnlyKeys(userId);
      EventFeed.Page after = parts.feed().after(snapshot.get("position").asLong(), 10, Duration.ZERO);
      assertThat(after.events()).as("events after the snapshot's position").isEmpty();
    }
  }

  @Test
  void aDatabaseSnapshotHoldingAnUnpositionedWriteHasNoExactPosition() throws Exception {
    try (Database database = Database.open(Settings.of(Map.of()), "db/users")) {
      UserService.Parts parts = UserService.Parts.wire(database);
      try (Connection writer = database.dataSource().getConnection();
          Connection reader = database.dataSource().getConnection()) {
        TestEvents.appendCreated(writer, "in-the-gap");
        writer.commit();
        // What the snapshot sees if this write commits after it positioned and before it opened its snapshot.
        reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        reader.setAutoCommit(false);
        assertThat(UserSnapshot.exactPosition(reader)).isEmpty();
        reader.rollback();

        long position = parts.sequencer().sequence();
        assertThat(UserSnapshot.exactPosition(reader)).contains(position);
        reader.rollback();
      }
    }
  }

  @Test
  void oneHundredThousandUsersStreamOutChunkedInOnePass() throws Exception {
    try (UserService service = UserService.start(Map.of("HTTP_PORT", "0"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      try (Connection connection = service.parts().transactions().dataSource().getConnection();
          var insert = connection.createStatement()) {
        insert.executeUpdate("""
            INSERT INTO users (id, email, given_name, family_name, status, version)
            SELECT 'bulk-' || to_char(n, 'FM000000'), 'bulk' || n || '@example.com', 'Bulk', n::text, 'ACTIVE', 1
            FROM generate_series(1, 100000) AS n""");
      }
      HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(service.url().resolve("/users/snapshot")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      // Written while it is read: no Content-Length, the body arrives in chunks.
      assertThat(response.headers().firstValue("content-length")).isEmpty();

      long users = 0;
      String previousId = "";
      try (InputStream body = response.body();
          JsonParser json = JsonHttpServer.MAPPER.getFactory().createParser(body)) {
        while (json.nextToken() != null) {
          if (json.currentToken() == JsonToken.FIELD_NAME && "id".equals(json.currentName())) {
            String id = json.nextTextValue();
            assertThat(id).as("users in id order, each once").isGreaterThan(previousId);
            previousId = id;
            users++;
          }
        }
      }
      assertThat(users).isEqualTo(100_000);
    }
  }

  private static String findUser(Connection connection) throws Exception {
    try (var select = connection.createStatement(); var row = select.executeQuery("SELECT id FROM users")) {
      return row.next() ? row.getString(1) : null;
    }
  }

  /** Random renames, status flips, deletes and creates until told to stop; returns how many ran. */
  private static int write(UserStore users, List<String> ids, AtomicBoolean writing) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int writes = 0;
    while (writing.get()) {
      String id = ids.get(random.nextInt(ids.size()));
      try {
        switch (random.nextInt(6)) {
          case 0 -> users.delete(id);
          case 1 -> users.create("w" + UUID.randomUUID() + "@example.com", "New");
          case 2 -> users.update(id, Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.of(random.nextBoolean() ? "ACTIVE" : "SUSPENDED"));
          default -> users.update(id, Optional.empty(), Optional.of("Name"), Optional.of("N" + random.nextInt(1000)),
              Optional.empty());
        }
        writes++;
      } catch (ApiException deletedAlready) {
        // another writer deleted this user: pick another next time
      }
    }
    return writes;
  }

  /** User id to its JSON text (text, so a version read as an int equals one written as a long). */
  private static Map<String, String> usersOf(JsonNode snapshot) {
    Map<String, String> users = new HashMap<>();
    for (JsonNode user : snapshot.get("users")) {
      users.put(user.get("id").asText(), user.toString());
    }
    return users;
  }

  /** The users every event at or below {@code position} leaves, built as a consumer of the feed would. */
  private static Map<String, String> replay(ApiClient api, long position) {
    Map<String, String> users = new HashMap<>();
    long after = 0;
    while (after < position) {
      JsonNode page = api.get("/events?after=" + after + "&limit=1000").body();
      assertThat(page.get("events")).as("events up to " + position + " after " + after).isNotEmpty();
      for (JsonNode event : page.get("events")) {
        if (event.get("position").asLong() > position) {
          return users;
        }
        JsonNode data = event.get("data");
        String id = event.get("userId").asText();
        if (event.get("type").asText().equals("UserDeleted")) {
          users.remove(id);
        } else {
          ObjectNode user = JsonHttpServer.MAPPER.createObjectNode().put("id", id)
              .put("email", data.get("email").asText())
              .put("name", EventVersions.displayName(data.get("givenName").asText(), data.get("familyName").asText()))
              .put("givenName", data.get("givenName").asText()).put("familyName", data.get("familyName").asText())
              .put("status", data.get("status").asText()).put("version", data.get("version").asLong());
          users.put(id, user.toString());
        }
      }
      after = page.get("last").asLong();
    }
    return users;
  }
}
