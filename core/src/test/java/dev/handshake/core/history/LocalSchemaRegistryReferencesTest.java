package dev.handshake.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.tasks.SubjectCheckResult;
import dev.handshake.core.schema.SchemaFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline history versions that use named types of other subjects, listed in vN.references.json. */
class LocalSchemaRegistryReferencesTest {
  private static final String ADDRESS = """
      {"type": "record", "name": "Address", "namespace": "dev.example", "fields": [{"name": "city", "type": "string"}]}
      """;
  private static final String ORDER_V1 = """
      {"type": "record", "name": "Order", "namespace": "dev.example", "fields": [
        {"name": "id", "type": "string"}, {"name": "shipTo", "type": "dev.example.Address"}]}
      """;
  /** {@code total} added after {@code id}: {@code %s} is the rest of the field's definition. */
  private static final String ORDER_WITH_TOTAL = """
      {"type": "record", "name": "Order", "namespace": "dev.example", "fields": [
        {"name": "id", "type": "string"}, {"name": "total", "type": "long"%s},
        {"name": "shipTo", "type": "dev.example.Address"}]}
      """;
  private static final List<SchemaReference> REFERENCES =
      List.of(new SchemaReference("dev.example.Address", "dev.example.Address", 1));

  @TempDir
  Path schemas;

  @BeforeEach
  void history() throws IOException {
    Files.writeString(Files.createDirectories(schemas.resolve("history/dev.example.Address")).resolve("v1.avsc"),
        ADDRESS);
    Path order = Files.createDirectories(schemas.resolve("history/dev.example.Order"));
    Files.writeString(order.resolve("v1.avsc"), ORDER_V1);
    Files.writeString(order.resolve("v1.references.json"),
        "[{\"name\": \"dev.example.Address\", \"subject\": \"dev.example.Address\", \"version\": 1}]");
  }

  @Test
  void aVersionReportsTheReferencesItsFileLists() {
    LocalSchemaRegistry registry = new LocalSchemaRegistry(schemas);

    assertThat(registry.version("dev.example.Order", 1).references()).isEqualTo(REFERENCES);
    assertThat(registry.version("dev.example.Address", 1).references()).isEmpty();
  }

  @Test
  void aCandidateUsingAReferencedTypeIsCheckedAgainstAHistoryThatUsesItToo() throws IOException {
    LocalSchemaRegistry registry = new LocalSchemaRegistry(schemas);
    SubjectCheck check = new SubjectCheck(registry);
    Path candidateFile = Files.writeString(schemas.resolve("Order.avsc"), ORDER_WITH_TOTAL.formatted(""));
    SchemaFile candidate = check.loadCandidate(candidateFile, REFERENCES);

    SubjectCheckResult result = check.check("dev.example.Order", candidate, REFERENCES, null);

    assertThat(result.compatible()).isFalse();
    assertThat(result.report().findings()).extracting(f -> f.rule() + " " + f.details().get("path"))
        .containsExactly("FIELD_ADDED_WITHOUT_DEFAULT Order.total");
  }

  @Test
  void theSameCandidateWithADefaultPasses() throws IOException {
    LocalSchemaRegistry registry = new LocalSchemaRegistry(schemas);
    SubjectCheck check = new SubjectCheck(registry);
    Path candidateFile = Files.writeString(schemas.resolve("Order.avsc"), ORDER_WITH_TOTAL.formatted(", \"default\": 0"));

    SubjectCheckResult result = check.check("dev.example.Order", check.loadCandidate(candidateFile, REFERENCES),
        REFERENCES, null);

    assertThat(result.report().findings()).isEmpty();
    assertThat(result.compatible()).isTrue();
  }

  @Test
  void aReferencesFileThatIsNotTheRegistrysArrayIsNamed() throws IOException {
    Path file = schemas.resolve("history/dev.example.Order/v1.references.json");
    Files.writeString(file, "{\"name\": \"dev.example.Address\"}");
    LocalSchemaRegistry registry = new LocalSchemaRegistry(schemas);

    assertThatThrownBy(() -> registry.version("dev.example.Order", 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("schema references file " + file + " is invalid: it is not a JSON array");
  }
}
