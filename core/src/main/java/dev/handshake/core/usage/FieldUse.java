package dev.handshake.core.usage;

/** How one consumer uses one field of a producer's schema. */
public enum FieldUse {
  /** Its reader schema has the field and its contract names it (expected content or a matching rule). */
  ASSERTS,
  /** Its reader schema has the field (by name or alias, as Avro resolves); its contract does not name it. */
  DECODES,
  /** Its reader schema has the field with a default, and the producer does not write it: it reads the default. */
  DEFAULT_ONLY,
  /** Its reader schema has the field without a default, and the producer does not write it: it cannot decode. */
  MISSING
}
