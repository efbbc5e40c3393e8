package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserStatus;
import dev.handshake.example.user.UserUpdated;
import dev.handshake.testsupport.AvroSchemaJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events (v2, as the outbox holds them, and v1 derived) decode with the classes generated from the schemas. */
class UserEventsTest {
  private static final UUID EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456Z");
  private static final EventVersions VERSIONS = EventVersions.builtIn();
  private final UserEvents events = new UserEvents(VERSIONS.outbox(), () -> EVENT_ID, Clock.fixed(NOW, ZoneOffset.UTC));
  private final User suspended = new User("7", "grace@example.com", "Grace", "Hopper", "SUSPENDED", 4);

  @Test
  void createdCarriesTheWholeUserAndAMillisecondTimestamp() throws IOException {
    dev.handshake.example.user.v2.UserCreated event =
        decode(events.created(suspended), dev.handshake.example.user.v2.UserCreated.class);
    assertThat(event.getEventId()).isEqualTo(EVENT_ID);
    assertThat(event.getUserId()).isEqualTo("7");
    assertThat(event.getEmail()).isEqualTo("grace@example.com");
    assertThat(event.getGivenName()).isEqualTo("Grace");
    assertThat(event.getFamilyName()).isEqualTo("Hopper");
    assertThat(event.getStatus()).isEqualTo(dev.handshake.example.user.v2.UserStatus.SUSPENDED);
    assertThat(event.getVersion()).isEqualTo(4L);
    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
  }

  @Test
  void itsV1EventCarriesTheSameChangeWithTheWholeName() throws IOException {
    UserCreated event = decode(VERSIONS.toV1(events.created(suspended)), UserCreated.class);
    assertThat(event.getEventId()).isEqualTo(EVENT_ID);
    assertThat(event.getUserId()).isEqualTo("7");
    assertThat(event.getEmail()).isEqualTo("grace@example.com");
    assertThat(event.getDisplayName()).isEqualTo("Grace Hopper");
    assertThat(event.getStatus()).isEqualTo(UserStatus.SUSPENDED);
    assertThat(event.getVersion()).isEqualTo(4L);
    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
  }

  @Test
  void updatedCarriesTheNewState() throws IOException {
    UserUpdated event = decode(VERSIONS.toV1(events.updated(suspended)), UserUpdated.class);
    assertThat(event.getStatus()).isEqualTo(UserStatus.SUSPENDED);
    assertThat(event.getVersion()).isEqualTo(4L);
  }

  @Test
  void aDeletionIsOneVersionNewerThanTheLastState() throws IOException {
    UserDeleted event = decode(VERSIONS.toV1(events.deleted(suspended)), UserDeleted.class);
    assertThat(event.getEmail()).isEqualTo("grace@example.com");
    assertThat(event.getVersion()).isEqualTo(5L);
    assertThat(decode(events.deleted(suspended), dev.handshake.example.user.v2.UserDeleted.class).getVersion())
        .isEqualTo(5L);
  }

  @Test
  void aUserWithoutAVersionIsRefused() {
    assertThatThrownBy(() -> new User("7", "g@example.com", "G", "", User.ACTIVE, 0))
        .hasMessageContaining("version starts at 1");
  }

  @Test
  void v1SchemasFromADirectoryWithLockedCarryLockedAsIs(@TempDir Path dir) throws IOException {
    writeSchemasWithLocked(dir);
    EventSchemas locked = EventSchemas.fromDirectory(dir);
    assertThat(locked.statusSymbols()).containsExactly("ACTIVE", "SUSPENDED", "LOCKED");

    GenericRecord event = new EventVersions(locked, EventSchemas.builtInV2())
        .toV1(events.updated(new User("7", "grace@example.com", "Grace", "", "LOCKED", 5)));
    assertThat(event.get("status").toString()).isEqualTo("LOCKED");
    assertThat(encode(event)).isNotEmpty();
  }

  @Test
  void aDirectoryWithoutTheSchemasIsRefusedNamingTheVariableAndTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> EventSchemas.fromDirectory(dir))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("EVENT_SCHEMAS_DIR=" + dir).hasMessageContaining("UserCreated.avsc");
  }

  @Test
  void schemasWhoseStatusSymbolsDisagreeAreRefused(@TempDir Path dir) throws IOException {
    writeSchemasWithLocked(dir);
    Path created = dir.resolve("UserCreated.avsc");
    AvroSchemaJson.copy(created, created,
        schema -> AvroSchemaJson.withEnumSymbols(schema, "UserStatus", List.of("ACTIVE", "SUSPENDED")));
    assertThatThrownBy(() -> EventSchemas.fromDirectory(dir))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("give both the same symbols");
  }

  /** schemas/user-events as demo/enum-symbol-change.patch changes it (UserDeleted has no status: copied as is). */
  private static void writeSchemasWithLocked(Path dir) {
    for (String type : EventSchemas.TYPES) {
      AvroSchemaJson.copy(Path.of("../schemas/user-events", type + ".avsc"), dir.resolve(type + ".avsc"),
          schema -> type.equals("UserDeleted") ? schema
              : AvroSchemaJson.withEnumSymbols(schema, "UserStatus", List.of("ACTIVE", "SUSPENDED", "LOCKED")));
    }
  }

  private static <T extends SpecificRecord> T decode(GenericRecord event, Class<T> type) throws IOException {
    return new SpecificDatumReader<>(type).read(null, DecoderFactory.get().binaryDecoder(encode(event), null));
  }

  private static byte[] encode(GenericRecord event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(event.getSchema()).write(event, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
