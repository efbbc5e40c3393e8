package dev.handshake.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.SchemaReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code <references>} parameter as the goals read it (the happy path is built by check-offline-references). */
class ReferenceTest {

  private static Reference reference(String name, String subject, Integer version) {
    Reference reference = new Reference();
    reference.name = name;
    reference.subject = subject;
    reference.version = version;
    return reference;
  }

  @Test
  void aSubjectsReferencesInOrderAndNoneForOthers() {
    Map<String, List<Reference>> configured = Map.of("dev.example.Order", List.of(
        reference(" dev.example.Address ", "dev.example.Address", 2), reference("dev.example.Money", "money", 1)));

    assertThat(Reference.of(configured, "dev.example.Order")).containsExactly(
        new SchemaReference("dev.example.Address", "dev.example.Address", 2),
        new SchemaReference("dev.example.Money", "money", 1));
    assertThat(Reference.of(configured, "dev.example.Address")).isEmpty();
    assertThat(Reference.of(null, "dev.example.Order")).isEmpty();
  }

  @Test
  void aReferenceWithoutItsSubjectOrVersionNamesWhereAndWhatIsMissing() {
    assertThatThrownBy(() -> Reference.of(Map.of("s", List.of(reference("a.B", null, 1))), "s"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("<references><s><reference> needs <name> (the referenced type's full name), "
            + "<subject> and <version>");
    assertThatThrownBy(() -> Reference.of(Map.of("s", List.of(reference("a.B", "b", 0))), "s"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("<references><s><reference> a.B: <version> must count from 1, got 0");
  }
}
