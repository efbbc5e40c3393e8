package dev.handshake.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.rules.RulePages;
import dev.handshake.core.source.Location;
import org.junit.jupiter.api.Test;

class RuleDocsTest {
  private final Finding finding = TestFindings.finding(Rule.TYPE_CHANGED, new Location("a.avsc", 2, 3, ""),
      "Changed.", "Revert.");

  @Test
  void findingsNameTheCommandThatPrintsTheRulesPageWithTheRulesPurpose() {
    assertThat(TextReportWriter.line(finding)).endsWith("Fix: Revert. Rule: A value's type changed to one the "
        + "reader cannot promote from. Run: handshake explain TYPE_CHANGED");
    assertThat(TextReportWriter.line(finding, new RuleDocs(null, RuleDocs.MAVEN_EXPLAIN)))
        .endsWith("Run: mvn handshake:explain -Dhandshake.rule=TYPE_CHANGED");
    assertThat(FindingJson.toJson(finding).get("docs").asText()).isEqualTo("handshake explain TYPE_CHANGED");
  }

  @Test
  void aConfiguredUrlIsLinkedInstead() {
    RuleDocs mirror = new RuleDocs("https://docs.example.com/handshake", RuleDocs.MAVEN_EXPLAIN);
    assertThat(TextReportWriter.line(finding, mirror)).endsWith("See https://docs.example.com/handshake/TYPE_CHANGED.md");
    assertThat(FindingJson.toJson(finding, mirror).get("docs").asText())
        .isEqualTo("https://docs.example.com/handshake/TYPE_CHANGED.md");
  }

  @Test
  void everyRulesPageShipsInTheJar() {
    for (Rule rule : Rule.values()) {
      assertThat(RulePages.page(rule.name())).as(rule.name()).startsWith("# ").contains(rule.name());
    }
  }

  @Test
  void anUnknownRuleIsRefusedNamingTheClosestIds() {
    assertThatThrownBy(() -> RulePages.page("TYPE_CHANGD")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no rule \"TYPE_CHANGD\"").hasMessageContaining("did you mean TYPE_CHANGED");
    assertThatThrownBy(() -> RulePages.page("FIELD_REMOVED")).hasMessageContaining("FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThatThrownBy(() -> RulePages.page("../../etc/passwd")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the rules are ");
  }
}
