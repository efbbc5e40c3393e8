package dev.handshake.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.report.Finding;
import dev.handshake.core.source.Location;
import org.junit.jupiter.api.Test;

/**
 * One test per rule, each on its own fixture folder: the exact rule ID, the direction it failed in, and where
 * it points. Each fixture fails in exactly one direction unless the rule is symmetric (names, fixed sizes).
 */
class RuleFixtureTest {

  @Test
  void fieldAddedWithoutDefault() {
    Finding finding = onlyFinding("FIELD_ADDED_WITHOUT_DEFAULT", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "BACKWARD").containsEntry("path", "Account.email");
    assertThat(finding.location()).isEqualTo(at("FIELD_ADDED_WITHOUT_DEFAULT", "current", 7, 5, "/fields/1"));
    assertThat(finding.message()).contains("\"email\" (string) was added").contains("candidate v2").contains("v1");
  }

  @Test
  void fieldRemovedWithoutDefault() {
    Finding finding = onlyFinding("FIELD_REMOVED_WITHOUT_DEFAULT", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "FORWARD").containsEntry("path", "Account.email");
    assertThat(finding.location()).isEqualTo(at("FIELD_REMOVED_WITHOUT_DEFAULT", "previous", 7, 5, "/fields/1"));
    assertThat(finding.message()).contains("\"email\" (string, no default)").contains("was removed in candidate v2");
  }

  /**
   * A new enum-typed field whose enum has a default symbol but the field no default: Avro compares the enum
   * with the writer's whole record and reports TYPE_MISMATCH; a decoder says "missing required field".
   */
  @Test
  void fieldAddedWithoutDefaultWhenItsTypeHasADefaultOfItsOwn() {
    Finding finding = onlyFinding("FIELD_ADDED_WITHOUT_DEFAULT/enum-with-default", CompatibilityLevel.FULL);
    assertThat(finding.rule().name()).isEqualTo("FIELD_ADDED_WITHOUT_DEFAULT");
    assertThat(finding.details()).containsEntry("direction", "BACKWARD").containsEntry("path", "Account.status");
    assertThat(finding.location())
        .isEqualTo(at("FIELD_ADDED_WITHOUT_DEFAULT/enum-with-default", "current", 7, 5, "/fields/1"));
    assertThat(finding.message()).contains("\"status\" (enum fixture.Status [A, B]) was added to record \"Account\"");
    assertThat(finding.fix()).contains("\"default\": \"A\"").doesNotContain("Keep record");
  }

  @Test
  void fieldRemovedWithoutDefaultWhenItsTypeHasADefaultOfItsOwn() {
    Finding finding = onlyFinding("FIELD_REMOVED_WITHOUT_DEFAULT/enum-with-default", CompatibilityLevel.FULL);
    assertThat(finding.rule().name()).isEqualTo("FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(finding.details()).containsEntry("direction", "FORWARD").containsEntry("path", "Account.status");
    assertThat(finding.location())
        .isEqualTo(at("FIELD_REMOVED_WITHOUT_DEFAULT/enum-with-default", "previous", 7, 5, "/fields/1"));
    assertThat(finding.message()).contains("was removed in candidate v2");
  }

  @Test
  void typeChanged() {
    Finding finding = onlyFinding("TYPE_CHANGED", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "BACKWARD").containsEntry("path", "Account.age");
    assertThat(finding.location()).isEqualTo(at("TYPE_CHANGED", "current", 7, 29, "/fields/1/type"));
    assertThat(finding.message()).contains("changed from long in v1 to int in candidate v2");
  }

  @Test
  void typeMadeNullable() {
    Finding finding = onlyFinding("TYPE_MADE_NULLABLE", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "FORWARD").containsEntry("path", "Account.email");
    assertThat(finding.location()).isEqualTo(at("TYPE_MADE_NULLABLE", "previous", 7, 31, "/fields/1/type/0"));
    assertThat(finding.message()).contains("made nullable in candidate v2").contains("it was string in v1");
  }

  @Test
  void unionBranchAdded() {
    Finding finding = onlyFinding("UNION_BRANCH_ADDED", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "FORWARD").containsEntry("path", "Account.score");
    assertThat(finding.location()).isEqualTo(at("UNION_BRANCH_ADDED", "previous", 7, 31, "/fields/1/type/2"));
    assertThat(finding.message()).contains("gained branch string in candidate v2").contains("[null, int]");
  }

  @Test
  void unionBranchRemoved() {
    Finding finding = onlyFinding("UNION_BRANCH_REMOVED", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "BACKWARD").containsEntry("path", "Account.score");
    assertThat(finding.location()).isEqualTo(at("UNION_BRANCH_REMOVED", "current", 7, 31, "/fields/1/type/2"));
    assertThat(finding.message()).contains("lost branch string in candidate v2");
  }

  @Test
  void enumSymbolRemoved() {
    Finding finding = onlyFinding("ENUM_SYMBOL_REMOVED", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "BACKWARD").containsEntry("path", "Account.status");
    assertThat(finding.location()).isEqualTo(at("ENUM_SYMBOL_REMOVED", "current", 7, 78, "/fields/1/type/symbols"));
    assertThat(finding.message()).contains("lost symbols [DELETED]")
        .contains("was [ACTIVE, SUSPENDED, DELETED], now [ACTIVE, SUSPENDED]");
  }

  @Test
  void enumSymbolAddedWithoutDefault() {
    Finding finding = onlyFinding("ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT", CompatibilityLevel.FULL);
    assertThat(finding.details()).containsEntry("direction", "FORWARD").containsEntry("path", "Account.status");
    assertThat(finding.location())
        .isEqualTo(at("ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT", "previous", 7, 78, "/fields/1/type/symbols"));
    assertThat(finding.message()).contains("gained symbols [DELETED]");
  }

  @Test
  void nameChanged() {
    CompatibilityReport backward = Fixtures.check("NAME_CHANGED", CompatibilityLevel.BACKWARD);
    assertThat(backward.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule().name()).isEqualTo("NAME_CHANGED");
      assertThat(finding.details()).containsEntry("direction", "BACKWARD").containsEntry("path", "Account.home");
      assertThat(finding.location()).isEqualTo(at("NAME_CHANGED", "current", 7, 57, "/fields/1/type/name"));
      assertThat(finding.message()).contains("from \"fixture.Address\" in v1 to \"fixture.PostalAddress\"");
    });
    assertThat(Fixtures.check("NAME_CHANGED", CompatibilityLevel.FORWARD).findings())
        .extracting(f -> f.rule().name()).containsExactly("NAME_CHANGED");
  }

  @Test
  void fixedSizeChanged() {
    CompatibilityReport backward = Fixtures.check("FIXED_SIZE_CHANGED", CompatibilityLevel.BACKWARD);
    assertThat(backward.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule().name()).isEqualTo("FIXED_SIZE_CHANGED");
      assertThat(finding.details()).containsEntry("direction", "BACKWARD").containsEntry("path", "Account.token");
      assertThat(finding.location()).isEqualTo(at("FIXED_SIZE_CHANGED", "current", 7, 74, "/fields/1/type/size"));
      assertThat(finding.message()).contains("from 16 bytes in v1 to 32 bytes in candidate v2");
    });
    assertThat(Fixtures.check("FIXED_SIZE_CHANGED", CompatibilityLevel.FORWARD).findings())
        .extracting(f -> f.rule().name()).containsExactly("FIXED_SIZE_CHANGED");
  }

  private static Finding onlyFinding(String rule, CompatibilityLevel level) {
    CompatibilityReport report = Fixtures.check(rule, level);
    assertThat(report.compatible()).isFalse();
    assertThat(report.findings()).singleElement().extracting(f -> f.rule().name()).isEqualTo(rule.split("/")[0]);
    return report.findings().get(0);
  }

  private static Location at(String rule, String side, int line, int column, String pointer) {
    return new Location(Fixtures.file(rule, side), line, column, pointer);
  }
}
