package dev.handshake.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.report.Finding;
import dev.handshake.core.schema.SchemaLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Confluent's level semantics: which versions are compared, in which direction and order. */
class LevelSemanticsTest {
  private static final SchemaLoader LOADER = new SchemaLoader();
  private final CompatibilityChecker checker = new CompatibilityChecker();

  // A chain where each step adds or drops a default: pairwise fine, broken across the whole history.
  private static final String A_ONLY = fields("{\"name\":\"a\",\"type\":\"string\"}");
  private static final String A_AND_B_WITH_DEFAULT =
      fields("{\"name\":\"a\",\"type\":\"string\"}", "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
  private static final String A_AND_B_REQUIRED =
      fields("{\"name\":\"a\",\"type\":\"string\"}", "{\"name\":\"b\",\"type\":\"string\"}");

  @Test
  void subjectWithoutVersionsIsCompatibleAndSaysSo() {
    CompatibilityReport report = checker.check(CompatibilityLevel.FULL_TRANSITIVE, List.of(), version("v1", A_ONLY));
    assertThat(report.compatible()).isTrue();
    assertThat(report.versionsCompared()).isZero();
    assertThat(report.notes()).singleElement().asString().contains("no earlier versions");
  }

  @Test
  void noneAcceptsAnyValidSchema() {
    CompatibilityReport report = checker.check(CompatibilityLevel.NONE,
        List.of(version("v1", A_AND_B_REQUIRED)), version("v2", fields("{\"name\":\"z\",\"type\":\"int\"}")));
    assertThat(report.compatible()).isTrue();
    assertThat(report.notes()).singleElement().asString().contains("NONE");
  }

  @Test
  void removingADefaultPassesBackwardButBreaksBackwardTransitive() {
    List<SchemaVersion> history = List.of(version("v1", A_ONLY), version("v2", A_AND_B_WITH_DEFAULT));
    SchemaVersion candidate = version("v3", A_AND_B_REQUIRED);

    assertThat(checker.check(CompatibilityLevel.BACKWARD, history, candidate).compatible()).isTrue();

    CompatibilityReport transitive = checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, history, candidate);
    assertThat(transitive.compatible()).isFalse();
    assertThat(transitive.versionsCompared()).isEqualTo(2);
    assertThat(transitive.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule().name()).isEqualTo("FIELD_ADDED_WITHOUT_DEFAULT");
      assertThat(finding.details()).containsEntry("writer", "v1").containsEntry("direction", "BACKWARD");
    });
  }

  @Test
  void droppingAFieldPassesForwardPairwiseButBreaksForwardTransitive() {
    List<SchemaVersion> history = List.of(version("v1", A_AND_B_REQUIRED), version("v2", A_AND_B_WITH_DEFAULT));
    SchemaVersion candidate = version("v3", A_ONLY);

    assertThat(checker.check(CompatibilityLevel.FORWARD, history, candidate).compatible()).isTrue();

    CompatibilityReport transitive = checker.check(CompatibilityLevel.FORWARD_TRANSITIVE, history, candidate);
    assertThat(transitive.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule().name()).isEqualTo("FIELD_REMOVED_WITHOUT_DEFAULT");
      assertThat(finding.details()).containsEntry("reader", "v1").containsEntry("direction", "FORWARD");
    });
  }

  @Test
  void nonTransitiveLevelsCompareWithTheLatestVersionOnly() {
    // v1 is incompatible with the candidate in both directions; only v2 may be looked at.
    List<SchemaVersion> history = List.of(version("v1", fields("{\"name\":\"a\",\"type\":\"int\"}")),
        version("v2", A_ONLY));
    SchemaVersion candidate = version("v3", A_ONLY);
    for (CompatibilityLevel level : List.of(CompatibilityLevel.BACKWARD, CompatibilityLevel.FORWARD,
        CompatibilityLevel.FULL)) {
      CompatibilityReport report = checker.check(level, history, candidate);
      assertThat(report.compatible()).as(level.name()).isTrue();
      assertThat(report.versionsCompared()).isEqualTo(1);
    }
  }

  @Test
  void transitiveLevelsCompareWithEveryVersionNewestFirstAndCollectAllFindings() {
    List<SchemaVersion> history = List.of(version("v1", fields("{\"name\":\"a\",\"type\":\"int\"}")),
        version("v2", fields("{\"name\":\"a\",\"type\":\"boolean\"}")), version("v3", A_ONLY));
    SchemaVersion candidate = version("v4", A_ONLY);

    CompatibilityReport report = checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, history, candidate);
    assertThat(report.versionsCompared()).isEqualTo(3);
    assertThat(report.findings()).extracting(finding -> finding.details().get("writer"))
        .containsExactly("v2", "v1");
    assertThat(report.findings()).extracting(f -> f.rule().name()).containsOnly("TYPE_CHANGED");
  }

  @Test
  void fullChecksBothDirections() {
    List<SchemaVersion> history = List.of(version("v1", A_ONLY));
    SchemaVersion candidate = version("v2", fields("{\"name\":\"a\",\"type\":\"string\"}",
        "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}", "{\"name\":\"c\",\"type\":\"long\"}"));
    CompatibilityReport full = checker.check(CompatibilityLevel.FULL, history, candidate);
    assertThat(full.findings()).extracting(finding -> finding.details().get("direction"))
        .containsExactly("BACKWARD");

    SchemaVersion dropsField = version("v2", fields("{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}"));
    CompatibilityReport both = checker.check(CompatibilityLevel.FULL_TRANSITIVE, history, dropsField);
    assertThat(both.findings()).extracting(f -> f.rule().name())
        .containsExactly("FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(checker.check(CompatibilityLevel.BACKWARD, history, dropsField).compatible()).isTrue();
  }

  @Test
  void levelsParseAsUsersAndRegistriesSpellThem() {
    assertThat(CompatibilityLevel.parse("full-transitive", "--level")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse(" backward ", "--level")).isEqualTo(CompatibilityLevel.BACKWARD);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS", "--level"))
        .hasMessageContaining("\"SIDEWAYS\"").hasMessageContaining("--level").hasMessageContaining("FULL_TRANSITIVE");
  }

  private static String fields(String... fields) {
    return "{\"type\":\"record\",\"name\":\"Event\",\"namespace\":\"semantics\",\"fields\":["
        + String.join(",", fields) + "]}";
  }

  private static SchemaVersion version(String label, String text) {
    return new SchemaVersion(label, LOADER.parse(label + ".avsc", text, List.of()));
  }
}
