package dev.handshake.core.avro;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Kafka wire format Confluent's serializers use: magic byte 0, the schema id as a 4-byte big-endian
 * int, then the Avro binary encoding of the datum. Decoding resolves the writer schema against the reader
 * schema exactly as a consumer's deserializer does (Avro's ResolvingDecoder).
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private static final int MAX_KEPT_BUFFER = 64 * 1024;
  private static final ThreadLocal<EncodeBuffer> ENCODE_BUFFERS = ThreadLocal.withInitial(EncodeBuffer::new);

  /** Generic model that also writes the converted values (Instant, BigDecimal...) generic records may hold. */
  private static final GenericData CONVERTING = convertingModel();

  private WireFormat() {
  }

  public static byte[] encode(int schemaId, Schema writer, Object datum) {
    return encode(schemaId, writerFor(writer, datum), writer, datum);
  }

  /**
   * Frames {@code datum} written by {@code datumWriter} (built for {@code writer}), for callers that keep their
   * writers (a serializer caches one per schema instead of building one per record).
   */
  public static byte[] encode(int schemaId, DatumWriter<Object> datumWriter, Schema writer, Object datum) {
    EncodeBuffer out = ENCODE_BUFFERS.get();
    out.reset();
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
    try {
      out.encoder = EncoderFactory.get().binaryEncoder(out, out.encoder);
      datumWriter.write(datum, out.encoder);
      out.encoder.flush();
    } catch (IOException e) {
      out.encoder = null;
      throw new UncheckedIOException(e);
    } catch (AvroRuntimeException | ClassCastException | NullPointerException e) {
      // The buffered encoder may hold part of the failed datum: never reuse it.
      out.encoder = null;
      throw new AvroEncodeException("The event does not fit the writer schema " + writer.getFullName() + ": "
          + describe(e) + ". Build the event with the schema the producer writes with.", e);
    }
    byte[] framed = out.toByteArray();
    if (out.capacity() > MAX_KEPT_BUFFER) {
      ENCODE_BUFFERS.remove();
    }
    return framed;
  }

  /**
   * A per-thread buffer and encoder, reused from one datum to the next, so encoding allocates little more than
   * the result (a producer thread serializes one record after another). Unlike ByteArrayOutputStream it takes
   * no lock per write: uncontended locks are not free since biased locking left the JDK.
   */
  private static final class EncodeBuffer extends OutputStream {
    private byte[] buf = new byte[256];
    private int count;
    BinaryEncoder encoder;

    void reset() {
      count = 0;
    }

    @Override
    public void write(int b) {
      ensure(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      ensure(length);
      System.arraycopy(bytes, offset, buf, count, length);
      count += length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, count);
    }

    int capacity() {
      return buf.length;
    }

    private void ensure(int more) {
      if (count + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      }
    }
  }

  /** Frames a payload that is not Avro-encoded (Confluent writes a {@code bytes} schema's value as is). */
  public static byte[] frame(int schemaId, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + payload.length);
    writeHeader(out, schemaId);
    out.write(payload, 0, payload.length);
    return out.toByteArray();
  }

  /** The bytes after the header, as they are. */
  public static byte[] payload(byte[] bytes) {
    checkFrame(bytes);
    return Arrays.copyOfRange(bytes, HEADER_LENGTH, bytes.length);
  }

  private static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /**
   * Decodes framed bytes written with {@code writer} as {@code reader} sees them. Throws
   * {@link AvroDecodeException} when Avro cannot resolve the data for the reader, and
   * {@link NotWireFormatException} when the bytes are not in the wire format.
   */
  public static Object decode(byte[] bytes, Schema writer, Schema reader) {
    checkFrame(bytes);
    try {
      DatumReader<Object> datumReader =
          BoundedDatumReader.generic(writer, reader, GenericData.get(), DecodeLimits.DEFAULTS);
      return decode(bytes, datumReader, true);
    } catch (AvroDecodeException e) {
      throw new AvroDecodeException(e.kind(), "Decoding as " + reader.getFullName() + " (written as "
          + writer.getFullName() + "): " + e.getMessage(), e.getCause());
    }
  }

  /**
   * Decodes the payload of framed bytes with a prepared reader (generic or specific, resolving or not). Every
   * failure is an {@link AvroDecodeException} whose {@link AvroDecodeException#kind() kind} says what was wrong;
   * with {@code rejectTrailingBytes}, bytes left after the datum are one. Bytes that are not a frame throw
   * {@link NotWireFormatException}. Lengths in the payload are checked before anything is allocated
   * ({@link BoundedBinaryDecoder}), and the work is kept to the {@link DecodeLimits} of a
   * {@link BoundedDatumReader} ({@link DecodeLimits#DEFAULTS} for another reader, whose nesting is then bounded
   * by the thread's stack only, still as a typed failure).
   */
  public static <T> T decode(byte[] bytes, DatumReader<T> datumReader, boolean rejectTrailingBytes) {
    checkFrame(bytes);
    int payloadLength = bytes.length - HEADER_LENGTH;
    DecodeLimits limits = datumReader instanceof BoundedDatumReader<T> bounded ? bounded.limits()
        : DecodeLimits.DEFAULTS;
    BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(bytes, HEADER_LENGTH, payloadLength, limits);
    T datum;
    try {
      datum = datumReader.read(null, decoder);
    } catch (AvroDecodeException e) {
      throw e;
    } catch (StackOverflowError e) {
      // A reader without a depth limit, or with one beyond what the stack holds: the frames are unwound by now.
      throw new AvroDecodeException(AvroDecodeException.Kind.NESTED_TOO_DEEP, "The value is nested deeper than "
          + "the thread's stack allows: a recursive schema with a forged depth", null);
    } catch (EOFException e) {
      throw new AvroDecodeException(AvroDecodeException.Kind.TRUNCATED, "The payload (" + payloadLength
          + " bytes) ended in the middle of a value: the message was cut short or not written with this schema.", e);
    } catch (IOException | RuntimeException e) {
      // Avro's own (AvroRuntimeException) and whatever a datum reader's code throws on bytes it did not expect
      // (index, cast, state): the caller gets one typed failure, never an exception it does not know.
      throw new AvroDecodeException("Avro could not decode the payload: " + describe(e), e);
    }
    if (rejectTrailingBytes && !decoder.isEnd()) {
      throw new AvroDecodeException(AvroDecodeException.Kind.TRAILING_BYTES, "Avro decoded a complete value but "
          + decoder.remaining() + " of the " + payloadLength + " payload bytes were left over: the bytes were not "
          + "written with this writer schema.", null);
    }
    return datum;
  }

  /** The schema id in the frame's header. */
  public static int schemaId(byte[] bytes) {
    checkFrame(bytes);
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  private static void checkFrame(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_LENGTH) {
      throw new NotWireFormatException(true, "The message is " + (bytes == null ? "null" : bytes.length + " bytes long")
          + "; the Kafka wire format needs at least " + HEADER_LENGTH
          + " bytes (magic byte 0 and a 4-byte schema id) before the Avro payload.");
    }
    if (bytes[0] != MAGIC_BYTE) {
      throw new NotWireFormatException(false, "The message starts with byte 0x" + HexFormat.of().toHexDigits(bytes[0])
          + ", not the magic byte 0x00 of the Kafka wire format: it was not written by an Avro serializer using "
          + "the Confluent framing (magic byte, 4-byte schema id, Avro binary).");
    }
  }

  /** A writer for {@code writer}: specific for generated classes, else generic with logical-type conversions. */
  public static DatumWriter<Object> writerFor(Schema writer, Object datum) {
    return writerFor(writer, datum, true);
  }

  /**
   * As {@link #writerFor(Schema, Object)}; without {@code convertLogicalTypes} generic values must hold the
   * underlying types (long for timestamp-millis...), which skips a conversion lookup per logical-type field.
   */
  @SuppressWarnings("unchecked")
  public static DatumWriter<Object> writerFor(Schema writer, Object datum, boolean convertLogicalTypes) {
    if (datum instanceof SpecificRecord) {
      // A generated class carries its own conversions (Instant for timestamp-millis...) in its model.
      SpecificData model = SpecificData.getForClass(datum.getClass());
      return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(writer, model);
    }
    return new GenericDatumWriter<>(writer, convertLogicalTypes ? CONVERTING : GenericData.get());
  }

  /** The generic model with Avro's logical-type conversions (Instant, BigDecimal, UUID, LocalDate...). */
  public static GenericData convertingGenericData() {
    return CONVERTING;
  }

  private static GenericData convertingModel() {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new Conversions.UUIDConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    return model;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
