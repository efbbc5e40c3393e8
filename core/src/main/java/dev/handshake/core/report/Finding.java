package dev.handshake.core.report;

import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.source.Location;
import java.util.Map;
import java.util.Objects;

/**
 * One problem found by a check: a stable rule, where it is, what happened (past tense, with old and new values),
 * how to fix it, the value it is about and the facts a reader needs to act (direction, versions compared,
 * consumer, interaction...). Made by {@link #of} only and changed only by its copy methods.
 */
public record Finding(Rule rule, Severity severity, Location location, String message, String fix, ValuePath path,
                      Facts facts) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(facts, "facts");
  }

  /**
   * The one place a handler's facts become a finding: the rule's default severity, the location the caller
   * chose, the value path among the facts.
   */
  public static Finding of(Violation violation, Location location) {
    return of(violation, location, "", Facts.NONE);
  }

  /**
   * As {@link #of(Violation, Location)}, with a sentence that says where the violation was found (a consumer's
   * contract) and the caller's facts before the handler's.
   */
  public static Finding of(Violation violation, Location location, String context, Facts callerFacts) {
    Facts facts = callerFacts.withDefaults(violation.facts());
    if (!violation.path().isEmpty()) {
      facts = facts.withDefaults(Facts.of("path", violation.path().render()));
    }
    String message = context.isEmpty() ? violation.message() : violation.message() + " " + context;
    return new Finding(violation.rule(), violation.rule().defaultSeverity(), location, message, violation.fix(),
        violation.path(), facts);
  }

  /** The same finding at another severity, saying why first: {@code (pending interaction) ...}. */
  public Finding withSeverity(Severity newSeverity, String why) {
    return new Finding(rule, newSeverity, location, "(" + why + ") " + message, fix, path, facts);
  }

  /** The same finding naming the consumers that read its field (and the fact {@code readBy}). */
  public Finding withReaders(String fieldPath, String readers) {
    return new Finding(rule, severity, location, message + " Consumers that read " + fieldPath + ": " + readers
        + ".", fix, path, facts.and("readBy", readers));
  }

  /** Every fact as reports print them, in order. */
  public Map<String, String> details() {
    return facts.rendered();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The page that explains the rule, relative to Handshake's own repository root; findings link {@link RuleDocs}. */
  public String docsPath() {
    return "docs/rules/" + rule.name() + ".md";
  }
}
