package dev.handshake.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.source.Location;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

  @Test
  void findingsLinkAUrlUnderAConfigurableBaseWithTheRulesPurpose() {
    Finding finding = TestFindings.finding(Rule.TYPE_CHANGED, new Location("a.avsc", 2, 3, ""), "Changed.", "Revert.");

    assertThat(TextReportWriter.line(finding)).endsWith("Fix: Revert. Rule: A value's type changed to one the "
        + "reader cannot promote from. See " + RuleDocs.DEFAULT_BASE_URL + "TYPE_CHANGED.md");
    assertThat(RuleDocs.DEFAULT_BASE_URL).startsWith("https://").endsWith("/docs/rules/");
    assertThat(TextReportWriter.line(finding, new RuleDocs("https://docs.example.com/handshake")))
        .endsWith("See https://docs.example.com/handshake/TYPE_CHANGED.md");
    assertThat(FindingJson.toJson(finding).get("docs").asText()).isEqualTo(RuleDocs.DEFAULT.url(Rule.TYPE_CHANGED));
  }
}
