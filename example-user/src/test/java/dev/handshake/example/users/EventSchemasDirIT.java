package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.users.ApiClient.Response;
import dev.handshake.testsupport.AvroSchemaJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release whose UserStatus gains LOCKED (demo/enum-symbol-change.patch) is the same jar with
 * {@code EVENT_SCHEMAS_DIR} pointing at the changed schemas: the API accepts LOCKED, stores it, writes it into
 * the event, and the relay builds the record with those schemas.
 */
class EventSchemasDirIT {
  @Test
  void withLockedInTheSchemasAUserCanBeLockedAndItsEventCarriesLocked(@TempDir Path schemas) throws Exception {
    writeSchemasWithLocked(schemas);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (UserService service = UserService.start(Map.of("HTTP_PORT", "0", "EVENT_SCHEMAS_DIR", schemas.toString()),
        new PrintStream(output, true, StandardCharsets.UTF_8))) {
      assertThat(output.toString(StandardCharsets.UTF_8)).contains("UserStatus [ACTIVE, SUSPENDED, LOCKED]");
      ApiClient api = new ApiClient(service.url());
      String id = api.createUser("mo@example.com", "Mo").get("id").asText();

      Response locked = api.put("/users/" + id, "{\"status\":\"LOCKED\"}");
      assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
      assertThat(api.get("/users/" + id).body().get("status").asText()).isEqualTo("LOCKED");
      Response banned = api.put("/users/" + id, "{\"status\":\"BANNED\"}");
      assertThat(banned.status()).isEqualTo(400);
      assertThat(banned.body().get("field").asText()).isEqualTo("status");
      assertThat(banned.body().toString()).contains("ACTIVE, SUSPENDED, LOCKED");

      OutboxEvent update = service.parts().feed().after(0, 10, Duration.ZERO).events().stream()
          .filter(event -> event.type().equals("UserUpdated")).findFirst().orElseThrow();
      assertThat(update.data().get("status").asText()).isEqualTo("LOCKED");
      ProducerRecord<String, Object> record =
          RelayRecords.of("user-events", EventVersion.V1, update, service.parts().versions());
      assertThat(((GenericRecord) record.value()).get("status").toString()).isEqualTo("LOCKED");
      // The jar's own v1 schemas cannot carry it: they publish it as SUSPENDED (EventVersions), this release as is.
      assertThat(((GenericRecord) RelayRecords.of("user-events", EventVersion.V1, update, EventVersions.builtIn())
          .value()).get("status").toString()).isEqualTo("SUSPENDED");
    }
  }

  @Test
  void aRollbackToSchemasWithoutAStatusSomeUserHoldsIsRefusedUntilTheUserMovesOff(@TempDir Path schemas,
      @TempDir Path data) throws Exception {
    writeSchemasWithLocked(schemas);
    // v1 only: with v2 published, LOCKED is a status v2 carries and v1 gets as SUSPENDED (DualPublicationIT).
    Map<String, String> release = Map.of("HTTP_PORT", "0", "DATA_DIR", data.toString(),
        "EVENT_SCHEMAS_DIR", schemas.toString(), "PUBLISHED_VERSIONS", "v1");
    Map<String, String> rolledBack = Map.of("HTTP_PORT", "0", "DATA_DIR", data.toString(), "PUBLISHED_VERSIONS", "v1");
    String id;
    try (UserService service = UserService.start(release, quiet())) {
      ApiClient api = new ApiClient(service.url());
      id = api.createUser("lo@example.com", "Lo").get("id").asText();
      assertThat(api.put("/users/" + id, "{\"status\":\"LOCKED\"}").status()).isEqualTo(200);
    }
    assertThatThrownBy(() -> UserService.start(rolledBack, quiet()))
        .hasMessageContaining("EVENT_SCHEMAS_DIR").hasMessageContaining("users hold status [LOCKED]");

    try (UserService service = UserService.start(release, quiet())) {
      assertThat(new ApiClient(service.url()).put("/users/" + id, "{\"status\":\"ACTIVE\"}").status()).isEqualTo(200);
    }
    try (UserService service = UserService.start(rolledBack, quiet())) {
      assertThat(new ApiClient(service.url()).get("/users/" + id).body().get("status").asText()).isEqualTo("ACTIVE");
    }
  }

  @Test
  void aDirectoryWithoutTheSchemasStopsTheStartNamingTheVariable(@TempDir Path empty) {
    assertThatThrownBy(() -> UserService.start(Map.of("HTTP_PORT", "0", "EVENT_SCHEMAS_DIR", empty.toString())))
        .hasMessageContaining("EVENT_SCHEMAS_DIR").hasMessageContaining("UserCreated.avsc");
  }

  /** schemas/user-events as demo/enum-symbol-change.patch changes them. */
  private static void writeSchemasWithLocked(Path dir) {
    for (String type : EventSchemas.TYPES) {
      AvroSchemaJson.copy(Path.of("../schemas/user-events", type + ".avsc"), dir.resolve(type + ".avsc"),
          schema -> type.equals("UserDeleted") ? schema
              : AvroSchemaJson.withEnumSymbols(schema, "UserStatus", List.of("ACTIVE", "SUSPENDED", "LOCKED")));
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
