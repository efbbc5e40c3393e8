package dev.handshake.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.tasks.SubjectCheckResult;
import dev.handshake.core.registry.SubjectNotFoundException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline registry over the project's own schemas/ directory, and SubjectCheck on top of it. */
class LocalSchemaRegistryTest {
  private static final Path SCHEMAS = Path.of("..", "schemas");
  private static final String CREATED = "dev.handshake.example.user.UserCreated";
  private static final String DELETED = "dev.handshake.example.user.UserDeleted";

  private final LocalSchemaRegistry registry = new LocalSchemaRegistry(SCHEMAS);

  @Test
  void readsSubjectsVersionsAndLevelsFromTheExampleDomain() {
    assertThat(registry.subjects()).contains(CREATED, DELETED, "dev.handshake.example.user.UserUpdated");
    assertThat(registry.versions(CREATED)).containsExactly(1, 2);
    assertThat(registry.latest(CREATED).version()).isEqualTo(2);
    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(registry.effectiveCompatibility(DELETED)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(registry.effectiveCompatibility(CREATED)).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(registry.sourceOf(CREATED, 1)).endsWith("v1.avsc");
  }

  @Test
  void theCurrentSchemasPassTheirOfflineCheck() {
    SubjectCheck check = new SubjectCheck(registry);
    for (String name : List.of("UserCreated", "UserUpdated", "UserDeleted")) {
      SchemaFile candidate = new SchemaLoader().load(SCHEMAS.resolve("user-events/" + name + ".avsc"), List.of());
      SubjectCheckResult result = check.check("dev.handshake.example.user." + name, candidate, null);
      assertThat(result.compatible()).as(result.summary()).isTrue();
    }
  }

  @Test
  void removingARequiredFieldFailsUnderFullTransitiveWithTheFileLocation(@TempDir Path dir) throws IOException {
    // edited as parsed JSON, so a re-indented schema file is changed the same
    ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(SCHEMAS.resolve("user-events/UserDeleted.avsc").toFile());
    ArrayNode fields = (ArrayNode) schema.get("fields");
    int before = fields.size();
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (fields.get(i).path("name").asText().equals("email")) {
        fields.remove(i);
      }
    }
    assertThat(fields.size()).as("UserDeleted has an email field to remove").isEqualTo(before - 1);
    Path candidateFile = dir.resolve("UserDeleted.avsc");
    Files.writeString(candidateFile, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema));

    SubjectCheckResult result = new SubjectCheck(registry).check(DELETED,
        new SchemaLoader().load(candidateFile, List.of()), null);

    assertThat(result.compatible()).isFalse();
    assertThat(result.level()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(result.levelSource()).isEqualTo("the subject's level");
    assertThat(result.report().findings()).extracting(f -> f.rule().name()).containsOnly("FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(result.report().findings().get(0).location().file()).endsWith("v1.avsc");
    assertThat(result.summary()).startsWith("INCOMPATIBLE").contains(DELETED);
  }

  @Test
  void anUnknownSubjectIsNewAndWritesAreRefused() {
    SchemaFile candidate = new SchemaLoader().parse("x.avsc", "\"string\"", List.of());
    SubjectCheckResult result = new SubjectCheck(registry).check("brand.new.Subject", candidate, null);

    assertThat(result.newSubject()).isTrue();
    assertThat(result.compatible()).isTrue();
    assertThat(result.summary()).contains("has no versions");
    assertThat(result.report().notes()).anySatisfy(note -> assertThat(note).contains("subjects with history in")
        .contains(CREATED).contains(DELETED));
    assertThatThrownBy(() -> registry.register("s", RegistrySchema.of("\"string\"")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("read-only");
    assertThatThrownBy(() -> registry.versions("brand.new.Subject")).isInstanceOf(SubjectNotFoundException.class);
  }

  @Test
  void aBadLevelInThePropertiesNamesTheFileAndKey(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("history"));
    Files.writeString(dir.resolve("compatibility.properties"), "default=SIDEWAYS\n");
    LocalSchemaRegistry broken = new LocalSchemaRegistry(dir);

    assertThatThrownBy(broken::globalCompatibility).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("SIDEWAYS").hasMessageContaining("compatibility.properties");
  }

  @Test
  void aTypoOfAKnownSubjectIsRefusedNamingTheSubjectsThatExist() {
    SchemaFile candidate = new SchemaLoader().load(SCHEMAS.resolve("user-events/UserDeleted.avsc"), List.of());

    assertThatThrownBy(() -> new SubjectCheck(registry).check(DELETED + "ed", candidate, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean \"" + DELETED + "\"?")
        .hasMessageContaining(CREATED)
        .hasMessageContaining("create the empty directory");
  }

  @Test
  void anEmptySubjectDirectoryDeclaresASubjectNew(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("history/users/"));
    Files.writeString(dir.resolve("history/users/v1.avsc"), "\"string\"");
    Files.createDirectories(dir.resolve("history/user"));
    SchemaFile candidate = new SchemaLoader().parse("x.avsc", "\"string\"", List.of());

    SubjectCheckResult result = new SubjectCheck(new LocalSchemaRegistry(dir)).check("user", candidate, null);

    assertThat(result.newSubject()).isTrue();
    assertThat(result.compatible()).isTrue();
  }

  @Test
  void aDirectoryWithoutHistoryOrAFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("schemas.txt"), "not a directory");

    assertThatThrownBy(() -> new LocalSchemaRegistry(dir)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has no history/ directory").hasMessageContaining("handshake download");
    assertThatThrownBy(() -> new LocalSchemaRegistry(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is a file, not a directory");
  }

  @Test
  void aMissingDirectoryIsBadInput(@TempDir Path dir) {
    assertThatThrownBy(() -> new LocalSchemaRegistry(dir.resolve("nope")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope");
  }
}
