package dev.handshake.core.compat;

/**
 * Stable rule IDs for schema incompatibilities. Avro's {@code SchemaIncompatibilityType}s are split by which
 * side is newer, because "a field was added" and "a field was removed" need different fixes.
 */
public enum CompatibilityRule {
  FIELD_ADDED_WITHOUT_DEFAULT("A field without a default was added; the new reader cannot fill it from old data."),
  FIELD_REMOVED_WITHOUT_DEFAULT("A field that old readers require (no default) was removed."),
  TYPE_CHANGED("A value's type changed to one the reader cannot promote from."),
  TYPE_MADE_NULLABLE("A non-null type became a union with null; old readers cannot read null."),
  UNION_BRANCH_ADDED("A union gained a branch old readers do not have."),
  UNION_BRANCH_REMOVED("A union lost a branch old data may use."),
  ENUM_SYMBOL_REMOVED("An enum symbol that old data may contain was removed."),
  ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT("An enum symbol was added and old readers have no default symbol."),
  NAME_CHANGED("A record, enum or fixed was renamed without an alias."),
  FIXED_SIZE_CHANGED("A fixed type changed size.");

  private final String purpose;

  CompatibilityRule(String purpose) {
    this.purpose = purpose;
  }

  /** One line: what the rule protects against. */
  public String purpose() {
    return purpose;
  }
}
