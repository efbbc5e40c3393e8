package dev.handshake.core.report;

import java.util.List;

/** {@code path:line:col: [RULE] message Fix: ... See docs/rules/RULE.md}, one line per finding. */
public final class TextReportWriter {
  private TextReportWriter() {
  }

  public static String line(Finding finding) {
    return finding.location().render() + ": [" + finding.rule() + "] " + finding.message()
        + " Fix: " + finding.fix() + " See " + finding.docsPath();
  }

  public static String lines(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (Finding finding : findings) {
      out.append(line(finding)).append(System.lineSeparator());
    }
    return out.toString();
  }
}
