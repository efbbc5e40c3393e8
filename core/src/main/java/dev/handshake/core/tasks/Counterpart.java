package dev.handshake.core.tasks;

import dev.handshake.core.report.Finding;
import java.util.List;

/**
 * One answer of can-i-deploy: a service version deployed in the environment (or a registry subject) and
 * whether the service to deploy works with it.
 *
 * @param role     what the counterpart is to the deployed service: its consumer, its producer, or a registry
 *                 subject it writes to
 * @param detail   a short explanation for the table: what was checked, or why the answer is unknown
 * @param findings the findings that make the answer no (and any warnings)
 */
public record Counterpart(String name, String version, Role role, Verdict verdict, String detail,
                          List<Finding> findings) {
  public Counterpart {
    findings = List.copyOf(findings);
  }

  public enum Role {
    CONSUMER, PRODUCER, SUBJECT;

    String label() {
      return name().toLowerCase();
    }
  }

  public enum Verdict {
    YES, NO, UNKNOWN;

    String label() {
      return name().toLowerCase();
    }
  }

  static Counterpart unknown(String name, String version, Role role, String why) {
    return new Counterpart(name, version, role, Verdict.UNKNOWN, why, List.of());
  }

  /** Yes without errors (warnings are listed, not counted), no with them. */
  static Counterpart checked(String name, String version, Role role, int interactions, List<Finding> findings) {
    long errors = findings.stream().filter(Finding::isError).count();
    String detail = interactions + " interaction(s), " + (errors == 0 ? "no errors"
        : errors + " error(s): " + String.join(", ", findings.stream().filter(Finding::isError)
        .map(f -> f.rule().name()).distinct().toList()));
    return new Counterpart(name, version, role, errors == 0 ? Verdict.YES : Verdict.NO, detail, findings);
  }
}
