package dev.handshake.core.avro;

import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * What the bounded datum readers add to Avro's: a nesting depth per thread (a reader is shared by the threads of
 * a consumer, each decoding one record at a time) and typed logical-type conversion failures.
 */
final class DecodeGuard {
  private static final int SHOWN_VALUE_CHARS = 64;

  private final DecodeLimits limits;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  DecodeGuard(DecodeLimits limits) {
    this.limits = limits;
  }

  DecodeLimits limits() {
    return limits;
  }

  /** Called when a record starts decoding: a failure before may have left no trace, but never a depth. */
  void startRecord() {
    depth.get()[0] = 0;
  }

  /** One level deeper; the caller decrements the returned counter when the value is read. */
  int[] enter(Schema expected) {
    int[] levels = depth.get();
    if (++levels[0] > limits.maxDepth()) {
      levels[0]--;
      throw new AvroDecodeException(AvroDecodeException.Kind.NESTED_TOO_DEEP, "The value is nested more than "
          + limits.maxDepth() + " levels deep (at a " + expected.getType().getName() + " " + expected.getName()
          + "): refused before the reader's stack ran out", null);
    }
    return levels;
  }

  /** Avro's conversion failures (a bad uuid, a time of day out of range) as a typed decoding failure. */
  static AvroDecodeException invalidLogicalValue(Object datum, LogicalType type, Conversion<?> conversion,
      RuntimeException failure) {
    String shown = String.valueOf(datum);
    if (shown.length() > SHOWN_VALUE_CHARS) {
      shown = shown.substring(0, SHOWN_VALUE_CHARS) + "...";
    }
    String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new AvroDecodeException(AvroDecodeException.Kind.INVALID_LOGICAL_VALUE, "The value " + shown
        + " is not a valid " + type.getName() + " (" + conversion.getConvertedType().getSimpleName() + "): "
        + reason, failure);
  }
}
