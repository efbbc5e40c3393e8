package dev.handshake.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.source.Location;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubAnnotationsWriterTest {

  @Test
  void writesAWorkflowCommandWithPositionRuleAndEscapedText() {
    Finding finding = new Finding("FIELD_REMOVED_WITHOUT_DEFAULT", Severity.ERROR,
        new Location("schemas/a,b.avsc", 9, 5, "/fields/1"), "Field \"email\" was removed: 100% sure.\nReally.",
        "Restore it.", Map.of());

    assertThat(GitHubAnnotationsWriter.line(finding)).isEqualTo(
        "::error file=schemas/a%2Cb.avsc,line=9,col=5,title=FIELD_REMOVED_WITHOUT_DEFAULT"
            + "::Field \"email\" was removed: 100%25 sure.%0AReally. Fix: Restore it. Rule: "
            + RuleDocs.purpose("FIELD_REMOVED_WITHOUT_DEFAULT") + " See " + RuleDocs.DEFAULT_BASE_URL
            + "FIELD_REMOVED_WITHOUT_DEFAULT.md");
  }

  @Test
  void aFindingWithoutALineAnnotatesTheFileAndWarningsStayWarnings() {
    Finding finding = new Finding("READER_SCHEMA_INVALID", Severity.WARNING, Location.ofFile("contracts/x.json"),
        "Fingerprint differed.", "Rewrite the contract.", Map.of());

    assertThat(GitHubAnnotationsWriter.line(finding))
        .startsWith("::warning file=contracts/x.json,title=READER_SCHEMA_INVALID::Fingerprint differed.");
  }

  @Test
  void pathsAreRebasedToTheRepositoryRootAndALocationOutsideItStaysInTheText() {
    Finding finding = new Finding("TYPE_CHANGED", Severity.ERROR, new Location("../schemas/a.avsc", 3, 7, ""),
        "Changed.", "Revert.", Map.of());

    assertThat(GitHubAnnotationsWriter.line(finding, file -> java.util.Optional.of("schemas/a.avsc"), RuleDocs.DEFAULT))
        .startsWith("::error file=schemas/a.avsc,line=3,col=7,title=TYPE_CHANGED::Changed.");
    assertThat(GitHubAnnotationsWriter.line(finding, file -> java.util.Optional.empty(), RuleDocs.DEFAULT))
        .startsWith("::error title=TYPE_CHANGED::../schemas/a.avsc:3:7: Changed.");
  }
}
