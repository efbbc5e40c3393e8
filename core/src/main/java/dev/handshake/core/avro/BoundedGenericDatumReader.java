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

  @Override
  public T read(T reuse, Decoder in) throws IOException {
    return guard.datum(reuse, in, getExpected(), () -> getResolver(getSchema(), getExpected()), this::read);
  }

  @Override
  protected Object read(Object old, Schema expected, ResolvingDecoder in) throws IOException {
    int[] depth = guard.enter(expected); // no lambda here: this runs once per value decoded
    try {
      return super.read(old, expected, in);
    } finally {
      depth[0]--;
    }
  }

  @Override
  protected Object convert(Object datum, Schema schema, LogicalType type, Conversion<?> conversion) {
    return DecodeGuard.converted(datum, type, conversion, () -> super.convert(datum, schema, type, conversion));
  }
}
