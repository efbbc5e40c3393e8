package dev.handshake.core.report;

import dev.handshake.core.rules.RuleDocs;
import java.util.List;

/**
 * {@code path:line:col: [RULE] message Fix: ... Rule: <purpose> See <url of the rule page>}, one line per
 * finding.
 */
public final class TextReportWriter {
  private TextReportWriter() {
  }

  public static String line(Finding finding) {
    return line(finding, RuleDocs.DEFAULT);
  }

  public static String line(Finding finding, RuleDocs docs) {
    return finding.location().render() + ": [" + finding.rule() + "] " + finding.message()
        + " Fix: " + finding.fix() + " " + docs.reference(finding.rule());
  }

  public static String lines(List<Finding> findings) {
    return lines(findings, RuleDocs.DEFAULT);
  }

  public static String lines(List<Finding> findings, RuleDocs docs) {
    StringBuilder out = new StringBuilder();
    for (Finding finding : findings) {
      out.append(line(finding, docs)).append(System.lineSeparator());
    }
    return out.toString();
  }
}
