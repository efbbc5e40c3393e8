package dev.handshake.core.compat;

import dev.handshake.core.report.Finding;
import java.util.List;

/**
 * The verdict of one candidate against its history: every finding across every compared version, and notes
 * that explain a verdict without findings (no earlier versions, level NONE).
 */
public record CompatibilityReport(CompatibilityLevel level, List<Finding> findings, List<String> notes,
                                  int versionsCompared) {

  public CompatibilityReport {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  public boolean compatible() {
    return findings.stream().noneMatch(Finding::isError);
  }
}
