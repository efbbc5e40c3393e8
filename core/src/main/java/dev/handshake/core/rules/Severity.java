package dev.handshake.core.rules;

/** How a finding counts: an error fails the build, a warning fails it only when asked (failOnWarning). */
public enum Severity {
  ERROR,
  WARNING
}
