package dev.handshake.core.report;

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

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The page that explains the rule, relative to Handshake's own repository root; findings link {@link RuleDocs}. */
  public String docsPath() {
    return "docs/rules/" + rule + ".md";
  }
}
