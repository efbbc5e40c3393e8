package dev.handshake.core.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule's handler found, before anyone decided where it points: the rule, the JSON pointer in the
 * document the handler read, the value path ({@code Record.field}, {@code $.a.b}; empty when none), the
 * sentence with the old and new values, the fix, and the facts a reader acts on (direction, consumer...).
 * {@code report.Finding.of} renders it once, at the location its caller chooses.
 */
public record Violation(Rule rule, String pointer, String path, String message, String fix,
                        Map<String, String> details) {
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    pointer = pointer == null ? "" : pointer;
    path = path == null ? "" : path;
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** Facts in the order given: key, value, key, value... */
  public static Map<String, String> facts(String... keysAndValues) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      facts.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return facts;
  }
}
