package dev.handshake.core.gate;

import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.Severity;
import java.time.Duration;
import java.util.List;

/**
 * What the gate checked and found. {@code checks} holds one entry per verified interaction (and one per
 * contract that could not be read), each with its own findings, for per-test reports such as JUnit XML.
 */
public record GateReport(int contracts, int skippedContracts, List<Check> checks) {

  public GateReport {
    checks = List.copyOf(checks);
  }

  /**
   * One verified interaction (or one unreadable contract, with an empty description); {@code time} is how long
   * it took, the producer's factory included, for the JUnit XML CI tools show.
   */
  public record Check(String consumer, String contractFile, String description, List<Finding> findings,
                      Duration time) {
    public Check {
      findings = List.copyOf(findings);
    }

    public Check(String consumer, String contractFile, String description, List<Finding> findings) {
      this(consumer, contractFile, description, findings, Duration.ZERO);
    }
  }

  public List<Finding> findings() {
    return checks.stream().flatMap(c -> c.findings().stream()).toList();
  }

  public int interactions() {
    return (int) checks.stream().filter(c -> !c.description().isEmpty()).count();
  }

  public long count(Severity severity) {
    return findings().stream().filter(f -> f.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }
}
