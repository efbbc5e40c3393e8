package dev.handshake.core.avro;

import java.io.IOException;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;

/** Avro's generic reader with a nesting limit and typed conversion failures ({@link DecodeGuard}). */
final class BoundedGenericDatumReader<T> extends GenericDatumReader<T> implements BoundedDatumReader<T> {
  private final DecodeGuard guard;

  BoundedGenericDatumReader(Schema writer, Schema reader, GenericData model, DecodeLimits limits) {
    super(writer, reader, model);
    this.guard = new DecodeGuard(limits);
  }

  @Override
  public DecodeLimits limits() {
    return guard.limits();
  }

  /** Always through {@link #read(Object, Schema, ResolvingDecoder)}: Avro's "fast reader" would bypass it. */
  @Override
  @SuppressWarnings("unchecked")
  public T read(T reuse, Decoder in) throws IOException {
    guard.startRecord();
    ResolvingDecoder resolver = getResolver(getSchema(), getExpected());
    resolver.configure(in);
    T result = (T) read(reuse, getExpected(), resolver);
    resolver.drain();
    return result;
  }

  @Override
  protected Object read(Object old, Schema expected, ResolvingDecoder in) throws IOException {
    int[] depth = guard.enter(expected);
    try {
      return super.read(old, expected, in);
    } finally {
      depth[0]--;
    }
  }

  @Override
  protected Object convert(Object datum, Schema schema, LogicalType type, Conversion<?> conversion) {
    try {
      return super.convert(datum, schema, type, conversion);
    } catch (AvroDecodeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DecodeGuard.invalidLogicalValue(datum, type, conversion, e);
    }
  }
}
