package dev.handshake.core.avro;

import dev.handshake.core.HandshakeException;

/**
 * The payload could not be decoded: what a consumer's deserializer would hit. {@link #kind()} says whether the
 * bytes ended early, went on after the datum, declared a length beyond the payload, or were otherwise unreadable
 * for the writer and reader schemas.
 */
public class AvroDecodeException extends HandshakeException {

  /** Why the payload could not be decoded. */
  public enum Kind {
    /** The payload ended in the middle of a value. */
    TRUNCATED,
    /** The datum was complete but bytes were left over. */
    TRAILING_BYTES,
    /** A string, bytes or collection length exceeded the bytes left: refused before anything was allocated. */
    LENGTH_BEYOND_PAYLOAD,
    /** The record's array and map items passed its budget ({@link DecodeLimits#itemBudget(int)}). */
    TOO_MANY_ITEMS,
    /** The value was nested deeper than {@link DecodeLimits#maxDepth()} (or than the thread's stack). */
    NESTED_TOO_DEEP,
    /** A logical type's conversion refused the value (a malformed uuid, a time of day out of range...). */
    INVALID_LOGICAL_VALUE,
    /** Bytes that do not encode a value of the writer schema, or a writer the reader cannot resolve. */
    UNREADABLE
  }

  private final Kind kind;

  public AvroDecodeException(String message, Throwable cause) {
    this(Kind.UNREADABLE, message, cause);
  }

  public AvroDecodeException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
