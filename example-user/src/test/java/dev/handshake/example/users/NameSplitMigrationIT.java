package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.support.Database;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.Settings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V3 on a database of the release before it (migrated up to V2, in a schema of its own on a real PostgreSQL):
 * users keep their names, split on the first space, and the outbox's v1 payloads, sent or not, become v2's, from
 * which the relay derives the same v1 event they were.
 */
class NameSplitMigrationIT {
  private static final String SCHEMA = "before_v3";

  @Test
  void existingUsersAndOutboxRowsAreKeptWithTheNameSplitOnItsFirstSpace() throws Exception {
    try (Database database = Database.open(Settings.of(Map.of()), "db/users")) {
      migrate(database, "2");
      UUID eventId = UUID.randomUUID();
      try (Connection connection = database.dataSource().getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute("SET search_path TO " + SCHEMA);
        sql.executeUpdate("""
            INSERT INTO users (id, email, name, status, version) VALUES
              ('1', 'ada@example.com', 'Augusta Ada King', 'ACTIVE', 1),
              ('2', 'cher@example.com', 'Cher', 'SUSPENDED', 3)""");
        sql.executeUpdate("INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, version) VALUES ('"
            + eventId + "', 'user', '1', 'UserCreated', '{\"eventId\":\"" + eventId + "\",\"userId\":\"1\","
            + "\"email\":\"ada@example.com\",\"displayName\":\"Augusta Ada King\",\"status\":\"ACTIVE\",\"version\":1,"
            + "\"occurredAt\":\"2023-11-14T22:13:20.123Z\"}', 1)");
      }

      migrate(database, "latest");

      try (Connection connection = database.dataSource().getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute("SET search_path TO " + SCHEMA);
        List<User> users = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT id, email, given_name, family_name, status, version FROM users"
            + " ORDER BY id")) {
          while (rows.next()) {
            users.add(UserStore.read(rows));
          }
        }
        assertThat(users).containsExactly(
            new User("1", "ada@example.com", "Augusta", "Ada King", "ACTIVE", 1),
            new User("2", "cher@example.com", "Cher", "", "SUSPENDED", 3));

        JsonNode payload;
        try (ResultSet row = sql.executeQuery("SELECT payload FROM outbox")) {
          row.next();
          payload = JsonHttpServer.MAPPER.readTree(row.getString(1));
        }
        assertThat(payload.toString()).isEqualTo("{\"eventId\":\"" + eventId + "\",\"userId\":\"1\","
            + "\"email\":\"ada@example.com\",\"givenName\":\"Augusta\",\"familyName\":\"Ada King\","
            + "\"status\":\"ACTIVE\",\"version\":1,\"occurredAt\":\"2023-11-14T22:13:20.123Z\"}");
        OutboxEvent row = new OutboxEvent(1, eventId, "UserCreated", "1", 1, payload);
        GenericRecord v1 = EventVersions.builtIn().event(EventVersion.V1, row);
        assertThat(v1.get("displayName")).isEqualTo("Augusta Ada King");
        assertThat(v1.get("occurredAt")).isEqualTo(1700000000123L);
      }
    }
  }

  private static void migrate(Database database, String target) {
    Flyway.configure().dataSource(database.dataSource()).schemas(SCHEMA).locations("classpath:db/users")
        .target(target).load().migrate();
  }
}
