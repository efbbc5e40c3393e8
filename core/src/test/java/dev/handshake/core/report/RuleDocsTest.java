package dev.handshake.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.compat.CompatibilityRule;
import dev.handshake.core.contract.GateRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

  @Test
  void everyRuleHasThePurposeItsDocsTableStatesAndAPage() throws Exception {
    String table = Files.readString(Path.of("../docs/rules/README.md"));
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = Pattern.compile("(?m)^\\| \\[([A-Z_]+)\\]\\([A-Z_]+\\.md\\) \\| (.*) \\|$").matcher(table);
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    Stream.concat(Stream.of(CompatibilityRule.values()).map(Enum::name), Stream.of(GateRule.values()).map(Enum::name))
        .forEach(rule -> {
          assertThat(documented).as("docs/rules/README.md row for " + rule).containsKey(rule);
          assertThat(RuleDocs.purpose(rule)).as(rule).isEqualTo(documented.get(rule));
          assertThat(Path.of("../docs/rules/" + rule + ".md")).exists();
        });
  }

  @Test
  void findingsLinkAUrlUnderAConfigurableBaseWithTheRulesPurpose() {
    Finding finding = new Finding("TYPE_CHANGED", Severity.ERROR, new Location("a.avsc", 2, 3, ""), "Changed.",
        "Revert.", Map.of());

    assertThat(TextReportWriter.line(finding)).endsWith("Fix: Revert. Rule: A value's type changed to one the "
        + "reader cannot promote from. See " + RuleDocs.DEFAULT_BASE_URL + "TYPE_CHANGED.md");
    assertThat(RuleDocs.DEFAULT_BASE_URL).startsWith("https://").endsWith("/docs/rules/");
    assertThat(TextReportWriter.line(finding, new RuleDocs("https://docs.example.com/handshake")))
        .endsWith("See https://docs.example.com/handshake/TYPE_CHANGED.md");
    assertThat(FindingJson.toJson(finding).get("docs").asText()).isEqualTo(RuleDocs.DEFAULT.url("TYPE_CHANGED"));
  }
}
