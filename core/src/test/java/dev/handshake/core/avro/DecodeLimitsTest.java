package dev.handshake.core.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The work budget of one record: items (zero-byte ones included), nesting depth, logical-type values. */
class DecodeLimitsTest {
  static final Schema NULLS = new Schema.Parser().parse("""
      {"type": "record", "name": "Nulls", "fields": [
        {"name": "nulls", "type": {"type": "array", "items": "null"}}]}""");
  static final Schema NODE = new Schema.Parser().parse("""
      {"type": "record", "name": "Node", "fields": [{"name": "next", "type": ["null", "Node"]}]}""");
  static final Schema LOGICAL = new Schema.Parser().parse("""
      {"type": "record", "name": "Logical", "fields": [
        {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "at", "type": {"type": "int", "logicalType": "time-millis"}}]}""");

  @Test
  void theBudgetIsOneItemPerPayloadByteBeyondAThousandAndTwentyFourCappedByTheMaximum() {
    assertThat(DecodeLimits.DEFAULTS.itemBudget(10)).isEqualTo(1_034);
    assertThat(DecodeLimits.DEFAULTS.itemBudget(2_000_000)).isEqualTo(1_000_000);
    assertThat(new DecodeLimits(50, 10).itemBudget(10)).isEqualTo(50);
    assertThatThrownBy(() -> new DecodeLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blocksOfNullsEachWithinTheBytesLeftStopAtTheRecordsBudget() {
    // 400 blocks, each declaring as many nulls as bytes are left: 80,000 items in 800 bytes.
    byte[] payload = new byte[801];
    for (int i = 0; i < 400; i++) {
      int left = 800 - 2 * i - 2;
      payload[2 * i] = (byte) (((left << 1) & 0x7f) | 0x80);
      payload[2 * i + 1] = (byte) ((left << 1) >>> 7);
    }
    byte[] framed = frame(payload);

    assertThatThrownBy(() -> WireFormat.decode(framed, new GenericDatumReader<>(NULLS), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.TOO_MANY_ITEMS))
        .hasMessageContaining("1825 = min(max items 1000000, 1024 + 801 payload bytes)");
    Schema skipsNulls = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Nulls\", \"fields\": []}");
    assertThatThrownBy(() -> WireFormat.decode(framed, new GenericDatumReader<>(NULLS, skipsNulls), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.TOO_MANY_ITEMS));
  }

  @Test
  void aBoundedReaderTakesItsItemLimitToTheDecoder() {
    byte[] elevenNulls = frame(new byte[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0}); // eleven blocks of one null
    DecodeLimits tenItems = new DecodeLimits(10, 100);

    assertThat(((GenericRecord) WireFormat.decode(elevenNulls, NULLS, NULLS)).get("nulls")).asList().hasSize(11);
    assertThatThrownBy(() -> WireFormat.decode(elevenNulls,
        BoundedDatumReader.generic(NULLS, NULLS, GenericData.get(), tenItems), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.TOO_MANY_ITEMS));
  }

  @Test
  void nestingBeyondTheDepthLimitIsRefused() {
    byte[] deep = frame(nested(2_000));

    assertThatThrownBy(() -> WireFormat.decode(deep, NODE, NODE))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.NESTED_TOO_DEEP))
        .hasMessageContaining("nested more than 128 levels");
    assertThat((Object) WireFormat.decode(frame(nested(40)), NODE, NODE)).isNotNull();
  }

  @Test
  void aStackOverflowOfAReaderWithoutADepthLimitIsTyped() {
    byte[] deep = frame(nested(1_000_000));

    assertThatThrownBy(() -> WireFormat.decode(deep, new GenericDatumReader<>(NODE), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.NESTED_TOO_DEEP))
        .hasMessageContaining("stack");
  }

  @Test
  void logicalValuesTheConversionRefusesAreTyped() {
    GenericData converting = WireFormat.convertingGenericData();
    byte[] badUuid = frame(concat(string("not-a-uuid"), new byte[] {2}));
    byte[] lateTime = frame(concat(string("9b0c8f3e-5d0c-4bb7-9a57-5f4c1f6f1e2a"), varint(90_000_000)));

    assertThatThrownBy(() -> WireFormat.decode(badUuid,
        BoundedDatumReader.generic(LOGICAL, LOGICAL, converting, DecodeLimits.DEFAULTS), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.INVALID_LOGICAL_VALUE))
        .hasMessageContaining("not-a-uuid is not a valid uuid");
    assertThatThrownBy(() -> WireFormat.decode(lateTime,
        BoundedDatumReader.generic(LOGICAL, LOGICAL, converting, DecodeLimits.DEFAULTS), true))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.kind()).isEqualTo(AvroDecodeException.Kind.INVALID_LOGICAL_VALUE))
        .hasMessageContaining("90000000 is not a valid time-millis");
  }

  private static byte[] nested(int depth) {
    byte[] payload = new byte[depth + 1];
    java.util.Arrays.fill(payload, 0, depth, (byte) 2);
    return payload;
  }

  private static byte[] string(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return concat(varint(bytes.length), bytes);
  }

  private static byte[] varint(long value) {
    byte[] buffer = new byte[10];
    return java.util.Arrays.copyOf(buffer, org.apache.avro.io.BinaryData.encodeLong(value, buffer, 0));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static byte[] frame(byte[] payload) {
    return WireFormat.frame(1, payload);
  }
}
