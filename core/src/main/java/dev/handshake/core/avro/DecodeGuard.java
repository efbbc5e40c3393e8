package dev.handshake.core.avro;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;

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

  /** A step of Avro's reader that may throw {@link IOException}. */
  interface Read<T> {
    T apply() throws IOException;
  }

  /** A value read through Avro's resolver, for {@code (old, expected, resolver)}. */
  interface ReadValue {
    Object read(Object old, Schema expected, ResolvingDecoder in) throws IOException;
  }

  /**
   * A whole datum, always through {@code readValue} (the reader's depth-counting read): Avro's "fast reader" would
   * bypass the depth count.
   */
  @SuppressWarnings("unchecked")
  <T> T datum(T reuse, Decoder in, Schema expected, Read<ResolvingDecoder> resolver, ReadValue readValue)
      throws IOException {
    startRecord();
    ResolvingDecoder resolving = resolver.apply();
    resolving.configure(in);
    T result = (T) readValue.read(reuse, expected, resolving);
    resolving.drain();
    return result;
  }

  /** A logical-type conversion, its failures typed. */
  static Object converted(Object datum, LogicalType type, Conversion<?> conversion, Supplier<Object> convert) {
    try {
      return convert.get();
    } catch (AvroDecodeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw invalidLogicalValue(datum, type, conversion, e);
    }
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
