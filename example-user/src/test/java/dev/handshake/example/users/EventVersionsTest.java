package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.Settings;
import dev.handshake.testsupport.AvroSchemaJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversion between event versions, the published versions setting and the statuses they allow. */
class EventVersionsTest {
  /**
   * v1 as shipped, its UserStatus pinned to ACTIVE and SUSPENDED: these tests are about a v1 without LOCKED, whatever
   * a release adds to the repository's schemas (demo/enum-symbol-change.patch adds LOCKED and is stopped by the gate).
   */
  @TempDir
  static Path shippedV1;
  private static EventVersions versions;
  private static final List<EventVersion> BOTH = List.of(EventVersion.V1, EventVersion.V2);
  @BeforeAll
  static void pinV1sStatuses() {
    for (String type : List.of("UserCreated", "UserUpdated", "UserDeleted")) {
      AvroSchemaJson.copy(Path.of("../schemas/user-events", type + ".avsc"), shippedV1.resolve(type + ".avsc"),
          schema -> type.equals("UserDeleted") ? schema
              : AvroSchemaJson.withEnumSymbols(schema, "UserStatus", List.of("ACTIVE", "SUSPENDED")));
    }
    versions = new EventVersions(EventSchemas.fromDirectory(shippedV1), EventSchemas.builtInV2());
  }

  private final UserEvents events = new UserEvents(versions.outbox(),
      () -> UUID.fromString("00000000-0000-4000-8000-00000000000a"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  @Test
  void v1GetsTheWholeNameAndEveryOtherFieldAsIs() {
    GenericRecord v2 = events.updated(new User("7", "ada@example.com", "Ada", "King Lovelace", "SUSPENDED", 3));
    GenericRecord v1 = versions.toV1(v2);

    assertThat(v1.getSchema().getFullName()).isEqualTo("dev.handshake.example.user.UserUpdated");
    assertThat(v1.get("displayName")).isEqualTo("Ada King Lovelace");
    assertThat(v1.get("status").toString()).isEqualTo("SUSPENDED");
    for (String field : List.of("eventId", "userId", "email", "version", "occurredAt")) {
      assertThat(v1.get(field)).as(field).isEqualTo(v2.get(field));
    }
  }

  @Test
  void lockedGoesOutOnV1AsSuspended() {
    GenericRecord v1 = versions.toV1(events.created(new User("7", "ada@example.com", "Ada", "", "LOCKED", 1)));
    assertThat(v1.get("status").toString()).isEqualTo("SUSPENDED");
    assertThat(v1.get("displayName")).as("no trailing space without a family name").isEqualTo("Ada");
  }

  @Test
  void aDeletionIsTheSameFieldsInV1sNamespace() {
    GenericRecord v2 = events.deleted(new User("7", "ada@example.com", "Ada", "", "ACTIVE", 1));
    GenericRecord v1 = versions.toV1(v2);
    assertThat(v1.getSchema().getFullName()).isEqualTo("dev.handshake.example.user.UserDeleted");
    // field by field of v1's schema, as EventVersions copies: a v1 that drops a field still derives
    for (Schema.Field field : v1.getSchema().getFields()) {
      assertThat(v2.hasField(field.name())).as("v2's UserDeleted has " + field.name()).isTrue();
      assertThat(v1.get(field.name())).as(field.name()).isEqualTo(v2.get(field.name()));
    }
  }

  @Test
  void theDisplayNameIsGivenSpaceFamilyTrimmedAndSplittingItGivesTheNameBack() {
    assertThat(EventVersions.displayName("Ada", "Lovelace")).isEqualTo("Ada Lovelace");
    assertThat(EventVersions.displayName("Ada", "")).isEqualTo("Ada");
    assertThat(EventVersions.displayName("", "Lovelace")).isEqualTo("Lovelace");
    for (String whole : List.of("Ada Lovelace", "Augusta Ada King", "Ada", "Ada  Lovelace")) {
      User.Name name = User.Name.split(whole);
      assertThat(EventVersions.displayName(name.given(), name.family())).as(whole).isEqualTo(whole);
    }
    assertThat(User.Name.split("Augusta Ada King")).isEqualTo(new User.Name("Augusta", "Ada King"));
  }

  @Test
  void theStatusesAUserMayHaveAreThoseEveryPublishedVersionCarries() {
    assertThat(versions.statusSymbols(BOTH)).containsExactly("ACTIVE", "SUSPENDED", "LOCKED");
    assertThat(versions.statusSymbols(List.of(EventVersion.V2))).containsExactly("ACTIVE", "SUSPENDED", "LOCKED");
    assertThat(versions.statusSymbols(List.of(EventVersion.V1))).containsExactly("ACTIVE", "SUSPENDED");
    assertThatThrownBy(() -> versions.checkHeld(List.of("ACTIVE", "LOCKED"), List.of(EventVersion.V1)))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("users hold status [LOCKED]")
        .hasMessageContaining("PUBLISHED_VERSIONS");
    versions.checkHeld(List.of("ACTIVE", "LOCKED"), BOTH);
  }

  @Test
  void publishedVersionsDefaultToBothInVersionOrderWhateverTheOrderGiven() {
    assertThat(EventVersion.published(Settings.of(Map.of()))).containsExactly(EventVersion.V1, EventVersion.V2);
    assertThat(EventVersion.published(Settings.of(Map.of("PUBLISHED_VERSIONS", " ")))).as("blank is unset, as every"
        + " setting").containsExactly(EventVersion.V1, EventVersion.V2);
    assertThat(EventVersion.parse("v2")).containsExactly(EventVersion.V2);
    assertThat(EventVersion.parse(" v2 , v1")).containsExactly(EventVersion.V1, EventVersion.V2);
    assertThat(EventVersion.V1.topic("users")).isEqualTo("users");
    assertThat(EventVersion.V2.topic("users")).isEqualTo("users.v2");
  }

  @Test
  void aBadPublishedVersionsIsRefusedNamingTheVariableAndTheAllowedValues() {
    for (String bad : List.of(" ,", "v3", "V1", "v1,", "v1,v1", "v1;v2", "x".repeat(10_000))) {
      assertThatThrownBy(() -> EventVersion.published(Settings.of(Map.of("PUBLISHED_VERSIONS", bad))))
          .as(bad.length() > 20 ? "a long value" : bad)
          .isInstanceOfSatisfying(InvalidSettingException.class,
              e -> assertThat(e.variable()).isEqualTo("PUBLISHED_VERSIONS"))
          .hasMessageContaining("PUBLISHED_VERSIONS=").hasMessageContaining("[v1, v2]")
          .hasMessageNotContaining("x".repeat(100));
    }
  }
}
