package dev.handshake.core.rules;

/** Which check reports a rule; docs/rules/README.md has one table per category, in this order. */
public enum RuleCategory {
  /** The compatibility engine: one schema against another (a subject's history, or a consumer's reader). */
  SCHEMA,
  /** The producer gate: the producer's real event, written with its schema and read as each consumer reads it. */
  GATE
}
