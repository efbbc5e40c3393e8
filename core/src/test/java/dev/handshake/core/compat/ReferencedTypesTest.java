package dev.handshake.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change inside a referenced named type is found, and located in the file that defines it. */
class ReferencedTypesTest {
  private static final Path DIR = Path.of("src/test/resources/schemas/references");

  @Test
  void fieldRemovedFromAReferencedTypeIsLocatedInTheReferenceFile() {
    SchemaLoader loader = new SchemaLoader();
    SchemaVersion v1 = new SchemaVersion("v1", loader.load(DIR.resolve("Customer.avsc"),
        loader.loadReferences(List.of(DIR.resolve("Address.avsc")))));
    SchemaVersion v2 = new SchemaVersion("candidate v2", loader.load(DIR.resolve("Customer.avsc"),
        loader.loadReferences(List.of(DIR.resolve("AddressWithoutCity.avsc")))));

    CompatibilityReport report = new CompatibilityChecker().check(CompatibilityLevel.FORWARD, List.of(v1), v2);

    assertThat(report.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule().name()).isEqualTo("FIELD_REMOVED_WITHOUT_DEFAULT");
      assertThat(finding.details()).containsEntry("path", "Customer.billing.city");
      assertThat(finding.location().file()).isEqualTo(DIR.resolve("Address.avsc").toString());
      assertThat(finding.location().line()).isEqualTo(7);
    });
  }
}
