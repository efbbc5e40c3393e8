package dev.handshake.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input names the file, the line and column, and what to do. */
class SchemaLoaderTest {
  private static final Path INVALID = Path.of("src/test/resources/schemas/invalid");
  private final SchemaLoader loader = new SchemaLoader();

  @Test
  void malformedJsonReportsTheParseErrorPosition() {
    assertThatThrownBy(() -> loader.load(INVALID.resolve("malformed.avsc"), List.of()))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageStartingWith(INVALID.resolve("malformed.avsc") + ":6:5: malformed JSON")
        .hasMessageContaining("Fix the JSON syntax");
  }

  @Test
  void unknownTypePointsAtTheReference() {
    InvalidSchemaException error = loadInvalid("unknown-type.avsc");
    assertThat(error.location()).isEqualTo(new Location(INVALID.resolve("unknown-type.avsc").toString(), 6, 33,
        "/fields/1/type"));
    assertThat(error).hasMessageContaining("Adress").hasMessageContaining("reference");
  }

  @Test
  void defaultThatDoesNotMatchItsTypePointsAtTheField() {
    InvalidSchemaException error = loadInvalid("bad-default.avsc");
    assertThat(error.location().line()).isEqualTo(6);
    assertThat(error.location().jsonPointer()).isEqualTo("/fields/1");
    assertThat(error).hasMessageContaining("Invalid default for field age");
  }

  @Test
  void duplicateFieldPointsAtTheSecondDeclaration() {
    InvalidSchemaException error = loadInvalid("duplicate-field.avsc");
    assertThat(error.location().line()).isEqualTo(6);
    assertThat(error).hasMessageContaining("id");
  }

  @Test
  void aMisspeltTopLevelTypeIsNamedWithItsPosition() {
    InvalidSchemaException error = loadInvalid("misspelt-record.avsc");
    assertThat(error.location()).isEqualTo(new Location(INVALID.resolve("misspelt-record.avsc").toString(), 2, 11,
        "/type"));
    assertThat(error).hasMessageContaining("unknown type \"recrd\" at /type").hasMessageContaining("did you mean \"record\"?")
        .hasMessageNotContaining("UnresolvedSchema");
  }

  @Test
  void anEmptyFileSaysItIsEmpty() {
    InvalidSchemaException error = loadInvalid("empty.avsc");
    assertThat(error).hasMessageContaining("empty.avsc: the schema is empty").hasMessageNotContaining("<null>");
  }

  @Test
  void duplicateFieldMessageIsOneSentenceWithoutAvroInternals() {
    InvalidSchemaException error = loadInvalid("duplicate-field.avsc");
    assertThat(error).hasMessageContaining("field \"id\" is declared twice in record \"Broken\"")
        .hasMessageNotContaining("..").hasMessageNotContaining("pos:");
  }

  @Test
  void missingFileSaysSo() {
    assertThatThrownBy(() -> loader.load(INVALID.resolve("nope.avsc"), List.of()))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("nope.avsc").hasMessageContaining("not found");
  }

  @Test
  void namedTypesFromReferenceFilesResolveAndFindingsPointIntoTheReference() {
    Path dir = Path.of("src/test/resources/schemas/references");
    SchemaFile customer = loader.load(dir.resolve("Customer.avsc"), loader.loadReferences(List.of(dir.resolve("Address.avsc"))));
    assertThat(customer.schema().getField("billing").schema().getFullName()).isEqualTo("shared.Address");

    Location city = customer.locate("/fields/1/type/fields/1");
    assertThat(city).isEqualTo(new Location(dir.resolve("Address.avsc").toString(), 7, 5, "/fields/1/type/fields/1"));
  }

  private InvalidSchemaException loadInvalid(String file) {
    try {
      loader.load(INVALID.resolve(file), List.of());
    } catch (InvalidSchemaException e) {
      return e;
    }
    throw new AssertionError(file + " loaded without error");
  }
}
