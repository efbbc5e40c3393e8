package dev.handshake.core.usage;

/** What the producer may do with a field, given every consumer's use of it. */
public enum FieldVerdict {
  /** A consumer decodes it without a default, or asserts on it: removing it breaks them. */
  IN_USE("in use: removing it breaks the consumers listed; remove it in two releases (they first stop reading it "
      + "or give it a default, then the producer removes it)"),
  /** Every consumer that decodes it has a default and none asserts on it. */
  READ_ONLY_WITH_DEFAULT("read only with a default: removing it decodes, but these consumers then silently read "
      + "their default; remove it in two releases (release 1: they stop using it, release 2: the producer "
      + "removes it)"),
  /** No consumer's reader schema has it. */
  SAFE_TO_REMOVE("safe to remove: no consumer reads it"),
  /** No consumer's reader schema has it, but the subject's level and registered history refuse its removal. */
  LEVEL_FORBIDS_REMOVAL("no consumer reads it, but the subject's compatibility level forbids removing it"),
  /** The producer does not write it (any more); consumers read their default, or cannot decode without one. */
  NOT_WRITTEN("not written by the producer: consumers with a default read it, consumers without one cannot "
      + "decode"),
  /** The producer's registered history has it, its current schema not, and no consumer reads it. */
  REMOVED_UNREAD("removed, and no consumer reads it: the removal is safe");

  private final String advice;

  FieldVerdict(String advice) {
    this.advice = advice;
  }

  public String advice() {
    return advice;
  }
}
