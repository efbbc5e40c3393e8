package dev.handshake.core.avro;

import org.apache.avro.io.DatumReader;

/**
 * A datum reader that keeps to {@link DecodeLimits}: {@link WireFormat#decode(byte[], DatumReader, boolean)}
 * budgets the items of each record with its limits. Build one with {@link #generic} or {@link #specific}.
 */
public interface BoundedDatumReader<T> extends DatumReader<T> {

  DecodeLimits limits();

  /** Generic records (with {@code model}'s logical-type conversions, if any) under {@code limits}. */
  static <T> BoundedDatumReader<T> generic(org.apache.avro.Schema writer, org.apache.avro.Schema reader,
      org.apache.avro.generic.GenericData model, DecodeLimits limits) {
    return new BoundedGenericDatumReader<>(writer, reader, model, limits);
  }

  /** Generated classes of {@code model} under {@code limits}. */
  static <T> BoundedDatumReader<T> specific(org.apache.avro.Schema writer, org.apache.avro.Schema reader,
      org.apache.avro.specific.SpecificData model, DecodeLimits limits) {
    return new BoundedSpecificDatumReader<>(writer, reader, model, limits);
  }
}
