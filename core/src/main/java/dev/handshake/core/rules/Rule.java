package dev.handshake.core.rules;


/**
 * The catalogue of every rule Handshake reports: its stable ID (the constant's name), category, default
 * severity and one-line purpose, written here once. docs/rules/README.md states the same purposes and
 * {@code docs/rules/<ID>.md} explains each rule; a catalogue test keeps them, the fixtures and the handlers in
 * step. Avro's {@code SchemaIncompatibilityType}s are split by which side is newer, because "a field was
 * added" and "a field was removed" need different fixes.
 */
public enum Rule {
  FIELD_ADDED_WITHOUT_DEFAULT(RuleCategory.SCHEMA,
      "A field without a default was added; the new schema cannot read data written before it existed."),
  FIELD_REMOVED_WITHOUT_DEFAULT(RuleCategory.SCHEMA,
      "A field that readers of an earlier version require (it has no default there) was removed."),
  TYPE_CHANGED(RuleCategory.SCHEMA, "A value's type changed to one the reader cannot promote from."),
  TYPE_MADE_NULLABLE(RuleCategory.SCHEMA,
      "A non-null type became a union with null; readers of the earlier version cannot read a null value."),
  UNION_BRANCH_ADDED(RuleCategory.SCHEMA, "A union gained a branch that readers of the earlier version do not have."),
  UNION_BRANCH_REMOVED(RuleCategory.SCHEMA,
      "A union lost a branch (or a type stopped accepting null) that earlier data may use."),
  ENUM_SYMBOL_REMOVED(RuleCategory.SCHEMA, "An enum symbol that earlier data may contain was removed."),
  ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT(RuleCategory.SCHEMA,
      "An enum symbol was added and readers of the earlier version have no default symbol."),
  NAME_CHANGED(RuleCategory.SCHEMA, "A record, enum or fixed type was renamed without an alias."),
  FIXED_SIZE_CHANGED(RuleCategory.SCHEMA, "A fixed type changed size."),

  CONSUMER_CANNOT_DECODE(RuleCategory.GATE, "A consumer's reader schema could not decode the producer's real event."),
  CONTRACT_VALUE_MISMATCH(RuleCategory.GATE,
      "A decoded value broke an equality, regex, format or size expectation of a contract."),
  CONTRACT_TYPE_MISMATCH(RuleCategory.GATE, "A decoded value had another JSON type than a contract expects."),
  CONTRACT_FIELD_MISSING(RuleCategory.GATE, "A value a contract expects was not in the decoded event."),
  CONTRACT_KEY_MISMATCH(RuleCategory.GATE,
      "A record's key, read as the consumer reads it, broke a contract's key expectation or was missing."),
  KEY_CANNOT_DECODE(RuleCategory.GATE,
      "A consumer could not read the record's key in the key format its contract states."),
  CONTRACT_HEADER_MISSING(RuleCategory.GATE, "A header a contract expects was not on the producer's record."),
  CONTRACT_HEADER_MISMATCH(RuleCategory.GATE, "A header's value broke a contract's expectation."),
  CONTRACT_INVALID(RuleCategory.GATE, "A contract file is not a readable Pact V4 message contract."),
  READER_SCHEMA_INVALID(RuleCategory.GATE, "An interaction's reader schema is missing or not valid Avro."),
  READER_SCHEMA_EDITED(RuleCategory.GATE, Severity.WARNING,
      "An interaction's reader schema does not match its fingerprint: the contract was edited by hand."),
  FACTORY_MISSING(RuleCategory.GATE, "No `@PactVerifyProvider` method builds the event an interaction describes."),
  FACTORY_FAILED(RuleCategory.GATE, "The producer's event factory threw or returned no usable event."),
  TOPIC_NOT_PUBLISHED(RuleCategory.GATE,
      "A consumer reads a topic none of the producer's event factories publishes."),
  WRITER_SCHEMA_MISSING(RuleCategory.GATE,
      "The factory returned bytes and the producer has no writer schema for the record."),
  WRITER_SCHEMA_DRIFT(RuleCategory.GATE, Severity.WARNING,
      "The record a factory built has another schema than the producer's schema file for it.");

  private final RuleCategory category;
  private final Severity defaultSeverity;
  private final String purpose;

  Rule(RuleCategory category, String purpose) {
    this(category, Severity.ERROR, purpose);
  }

  /** A rule that is a warning: what it finds may be harmless, and the check still runs. */
  Rule(RuleCategory category, Severity defaultSeverity, String purpose) {
    this.category = category;
    this.defaultSeverity = defaultSeverity;
    this.purpose = purpose;
  }

  public RuleCategory category() {
    return category;
  }

  /** The severity of every finding of this rule (a pending interaction reports its errors as warnings). */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** One line: what the rule protects against. */
  public String purpose() {
    return purpose;
  }
}
