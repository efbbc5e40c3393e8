package dev.handshake.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.source.Location;
import org.junit.jupiter.api.Test;

class GitHubAnnotationsWriterTest {

  @Test
  void writesAWorkflowCommandWithPositionRuleAndEscapedText() {
    Finding finding = TestFindings.finding(Rule.FIELD_REMOVED_WITHOUT_DEFAULT, new Location("schemas/a,b.avsc", 9, 5, "/fields/1"), "Field \"email\" was removed: 100% sure.\nReally.", "Restore it.");

    assertThat(GitHubAnnotationsWriter.line(finding)).isEqualTo(
        "::error file=schemas/a%2Cb.avsc,line=9,col=5,title=FIELD_REMOVED_WITHOUT_DEFAULT"
            + "::Field \"email\" was removed: 100%25 sure.%0AReally. Fix: Restore it. Rule: "
            + Rule.FIELD_REMOVED_WITHOUT_DEFAULT.purpose() + " Run: handshake explain FIELD_REMOVED_WITHOUT_DEFAULT");
  }

  @Test
  void aFindingWithoutALineAnnotatesTheFileAndWarningsStayWarnings() {
    Finding finding = TestFindings.finding(Rule.READER_SCHEMA_EDITED, Location.ofFile("contracts/x.json"), "Fingerprint differed.", "Rewrite the contract.");

    assertThat(GitHubAnnotationsWriter.line(finding))
        .startsWith("::warning file=contracts/x.json,title=READER_SCHEMA_EDITED::Fingerprint differed.");
  }

  @Test
  void pathsAreRebasedToTheRepositoryRootAndALocationOutsideItStaysInTheText() {
    Finding finding = TestFindings.finding(Rule.TYPE_CHANGED, new Location("../schemas/a.avsc", 3, 7, ""), "Changed.", "Revert.");

    assertThat(GitHubAnnotationsWriter.line(finding, file -> java.util.Optional.of("schemas/a.avsc"), RuleDocs.DEFAULT))
        .startsWith("::error file=schemas/a.avsc,line=3,col=7,title=TYPE_CHANGED::Changed.");
    assertThat(GitHubAnnotationsWriter.line(finding, file -> java.util.Optional.empty(), RuleDocs.DEFAULT))
        .startsWith("::error title=TYPE_CHANGED::../schemas/a.avsc:3:7: Changed.");
  }
}
