package dev.handshake.core.avro;

import dev.handshake.core.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
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

  /** Generic model that also writes the converted values (Instant, BigDecimal...) generic records may hold. */
  private static final GenericData CONVERTING = convertingModel();

  private WireFormat() {
  }

  public static byte[] encode(int schemaId, Schema writer, Object datum) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.write(MAGIC_BYTE);
    out.write(ByteBuffer.allocate(4).putInt(schemaId).array(), 0, 4);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writerFor(writer, datum).write(datum, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new AvroEncodeException("The event does not fit the writer schema " + writer.getFullName() + ": "
          + describe(e) + ". Build the event with the schema the producer writes with.", e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes framed bytes written with {@code writer} as {@code reader} sees them. Throws
   * {@link AvroDecodeException} when Avro cannot resolve the data for the reader, and
   * {@link InvalidInputException} when the bytes are not in the wire format.
   */
  public static Object decode(byte[] bytes, Schema writer, Schema reader) {
    checkFrame(bytes);
    GenericDatumReader<Object> datumReader = new GenericDatumReader<>(writer, reader, GenericData.get());
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH,
        null);
    try {
      Object datum = datumReader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new AvroDecodeException("Avro decoded a " + writer.getFullName() + " but "
            + (bytes.length - HEADER_LENGTH) + " bytes of payload were not all consumed: the bytes were not "
            + "written with this writer schema.", null);
      }
      return datum;
    } catch (IOException e) {
      throw new AvroDecodeException("Avro could not decode the payload as " + reader.getFullName()
          + " (written as " + writer.getFullName() + "): " + describe(e), e);
    } catch (AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new AvroDecodeException("Avro could not decode the payload as " + reader.getFullName()
          + " (written as " + writer.getFullName() + "): " + describe(e), e);
    }
  }

  /** The schema id in the frame's header. */
  public static int schemaId(byte[] bytes) {
    checkFrame(bytes);
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  private static void checkFrame(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_LENGTH) {
      throw new InvalidInputException("The message is " + (bytes == null ? "null" : bytes.length + " bytes long")
          + "; the Kafka wire format needs at least " + HEADER_LENGTH
          + " bytes (magic byte 0 and a 4-byte schema id) before the Avro payload.");
    }
    if (bytes[0] != MAGIC_BYTE) {
      throw new InvalidInputException("The message starts with byte 0x" + HexFormat.of().toHexDigits(bytes[0])
          + ", not the magic byte 0x00 of the Kafka wire format: it was not written by an Avro serializer using "
          + "the Confluent framing (magic byte, 4-byte schema id, Avro binary).");
    }
  }

  @SuppressWarnings("unchecked")
  private static DatumWriter<Object> writerFor(Schema writer, Object datum) {
    if (datum instanceof SpecificRecord) {
      // A generated class carries its own conversions (Instant for timestamp-millis...) in its model.
      SpecificData model = SpecificData.getForClass(datum.getClass());
      return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(writer, model);
    }
    return new GenericDatumWriter<>(writer, CONVERTING);
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
