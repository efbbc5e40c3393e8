package dev.handshake.core.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class BoundedBinaryDecoderTest {
  static final Schema EVERY_TYPE = new Schema.Parser().parse("""
      {"type": "record", "name": "EveryType", "fields": [
        {"name": "flag", "type": "boolean"}, {"name": "small", "type": "int"}, {"name": "big", "type": "long"},
        {"name": "ratio", "type": "float"}, {"name": "precise", "type": "double"},
        {"name": "text", "type": "string"}, {"name": "raw", "type": "bytes"},
        {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
        {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN"]}},
        {"name": "numbers", "type": {"type": "array", "items": "long"}},
        {"name": "labels", "type": {"type": "map", "values": "string"}},
        {"name": "maybe", "type": ["null", "string"]},
        {"name": "children", "type": {"type": "array", "items": {"type": "record", "name": "Child",
          "fields": [{"name": "name", "type": "string"}]}}}
      ]}""");
  /** Reads only {@code flag}: every other field is skipped through the decoder's skip methods. */
  static final Schema FLAG_ONLY = new Schema.Parser().parse("""
      {"type": "record", "name": "EveryType", "fields": [{"name": "flag", "type": "boolean"}]}""");

  @Test
  void decodesWhatAvroWritesWithAndWithoutBlockSizes() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      GenericRecord record = randomRecord(random);
      for (boolean blocking : new boolean[] {false, true}) {
        byte[] framed = frame(record, blocking);
        assertThat((Object) WireFormat.decode(framed, new GenericDatumReader<>(EVERY_TYPE), true)).isEqualTo(record);
        GenericRecord flagOnly = (GenericRecord) WireFormat.decode(framed,
            new GenericDatumReader<>(EVERY_TYPE, FLAG_ONLY), true);
        assertThat(flagOnly.get("flag")).isEqualTo(record.get("flag"));
      }
    }
  }

  @Test
  void refusesAStringLengthBeyondThePayloadBeforeAllocating() {
    Schema string = Schema.create(Schema.Type.STRING);
    // zig-zag varint of 2^30 (a 1 GiB string) followed by three bytes
    byte[] framed = {0, 0, 0, 0, 1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 'a', 'b', 'c'};

    assertThatThrownBy(() -> WireFormat.decode(framed, new GenericDatumReader<>(string), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.LENGTH_BEYOND_PAYLOAD))
        .hasMessageContaining("1073741824").hasMessageContaining("3 bytes left");
  }

  @Test
  void refusesAnArrayCountBeyondThePayload() {
    Schema longs = Schema.createArray(Schema.create(Schema.Type.LONG));
    byte[] framed = {0, 0, 0, 0, 1, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 2};

    assertThatThrownBy(() -> WireFormat.decode(framed, new GenericDatumReader<>(longs), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.LENGTH_BEYOND_PAYLOAD));
  }

  @Test
  void reportsTruncatedPayloadsAndLeftoverBytesByKind() throws IOException {
    byte[] framed = frame(randomRecord(new Random(7)), false);
    byte[] cut = java.util.Arrays.copyOf(framed, framed.length - 3);
    byte[] longer = java.util.Arrays.copyOf(framed, framed.length + 2);

    assertThatThrownBy(() -> WireFormat.decode(cut, new GenericDatumReader<>(EVERY_TYPE), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.TRUNCATED));
    assertThatThrownBy(() -> WireFormat.decode(longer, new GenericDatumReader<>(EVERY_TYPE), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.TRAILING_BYTES));
    assertThat((Object) WireFormat.decode(longer, new GenericDatumReader<>(EVERY_TYPE), false)).isNotNull();
  }

  @Test
  void reportsAVarintLongerThanItsTypeAsUnreadable() {
    Schema ints = Schema.create(Schema.Type.INT);
    byte[] framed = {0, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};

    assertThatThrownBy(() -> WireFormat.decode(framed, new GenericDatumReader<>(ints), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.UNREADABLE));
  }

  static byte[] frame(GenericRecord record, boolean blocking) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, 0, 0, 0, 1});
    BinaryEncoder encoder = blocking
        ? EncoderFactory.get().blockingBinaryEncoder(out, null)
        : EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(EVERY_TYPE).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  static GenericRecord randomRecord(Random random) {
    GenericRecord record = new GenericData.Record(EVERY_TYPE);
    record.put("flag", random.nextBoolean());
    record.put("small", random.nextInt());
    record.put("big", random.nextLong());
    record.put("ratio", random.nextFloat());
    record.put("precise", random.nextDouble());
    record.put("text", new Utf8("t" + random.nextInt(1000)));
    byte[] raw = new byte[random.nextInt(20)];
    random.nextBytes(raw);
    record.put("raw", ByteBuffer.wrap(raw));
    byte[] hash = new byte[4];
    random.nextBytes(hash);
    record.put("hash", new GenericData.Fixed(EVERY_TYPE.getField("hash").schema(), hash));
    record.put("color", new GenericData.EnumSymbol(EVERY_TYPE.getField("color").schema(),
        random.nextBoolean() ? "RED" : "GREEN"));
    record.put("numbers", new GenericData.Array<>(EVERY_TYPE.getField("numbers").schema(),
        random.longs(random.nextInt(5)).boxed().toList()));
    record.put("labels", random.nextBoolean() ? Map.of() : Map.of(new Utf8("k"), new Utf8("v" + random.nextInt())));
    record.put("maybe", random.nextBoolean() ? null : new Utf8("m"));
    Schema child = EVERY_TYPE.getField("children").schema().getElementType();
    GenericRecord kid = new GenericData.Record(child);
    kid.put("name", new Utf8("kid"));
    record.put("children", new GenericData.Array<>(EVERY_TYPE.getField("children").schema(),
        random.nextBoolean() ? List.of() : List.of(kid, kid)));
    return record;
  }
}
