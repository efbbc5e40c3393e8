package dev.handshake.core.report;

import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.source.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem found by a check: a stable rule ID, where it is, what happened (past tense, with old and
 * new values) and how to fix it. {@code details} carries the context a reader needs to act, in a stable
 * order (direction, versions compared, consumer, interaction...).
 */
public record Finding(String rule, Severity severity, Location location, String message, String fix,
                      Map<String, String> details) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /**
   * The one place a handler's facts become a finding: the rule's default severity, the location the caller
   * chose, the value path among the details.
   */
  public static Finding of(Violation violation, Location location) {
    return of(violation, location, "", Map.of());
  }

  /**
   * As {@link #of(Violation, Location)}, with a sentence that says where the violation was found (a consumer's
   * contract) and the caller's facts before the handler's.
   */
  public static Finding of(Violation violation, Location location, String context, Map<String, String> facts) {
    Map<String, String> details = new LinkedHashMap<>(facts);
    violation.details().forEach(details::putIfAbsent);
    if (!violation.path().isEmpty()) {
      details.putIfAbsent("path", violation.path());
    }
    String message = context.isEmpty() ? violation.message() : violation.message() + " " + context;
    return new Finding(violation.rule().name(), violation.rule().defaultSeverity(), location, message,
        violation.fix(), details);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The page that explains the rule, relative to Handshake's own repository root; findings link {@link RuleDocs}. */
  public String docsPath() {
    return "docs/rules/" + rule + ".md";
  }
}
