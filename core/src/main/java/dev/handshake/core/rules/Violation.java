package dev.handshake.core.rules;

import java.util.Objects;

/**
 * What a rule's handler found, before anyone decided where it points: the rule, the JSON pointer in the
 * document the handler read, the value path ({@link ValuePath#NONE} when none), the sentence with the old and
 * new values, the fix, and the facts a reader acts on (direction, consumer...).
 * {@code report.Finding.of} renders it once, at the location its caller chooses.
 */
public record Violation(Rule rule, String pointer, ValuePath path, String message, String fix, Facts facts) {
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    pointer = pointer == null ? "" : pointer;
    path = path == null ? ValuePath.NONE : path;
    facts = facts == null ? Facts.NONE : facts;
  }

  /** Facts only reports read, in the order given: key, value, key, value... */
  public static Facts facts(String... keysAndValues) {
    return Facts.of(keysAndValues);
  }
}
