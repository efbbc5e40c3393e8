package dev.handshake.core.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class WireFormatTest {
  private static final Schema V1 = new Schema.Parser().parse("""
      {"type":"record","name":"UserDeleted","fields":[
        {"name":"userId","type":"long"},{"name":"email","type":"string"}]}""");
  private static final Schema V2_EXTRA_FIELD = new Schema.Parser().parse("""
      {"type":"record","name":"UserDeleted","fields":[
        {"name":"userId","type":"long"},{"name":"email","type":"string"},
        {"name":"reason","type":"string"}]}""");
  private static final Schema V2_NO_EMAIL = new Schema.Parser().parse("""
      {"type":"record","name":"UserDeleted","fields":[{"name":"userId","type":"long"}]}""");

  private static GenericRecord deleted(Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put("userId", 42L);
    if (schema.getField("email") != null) {
      record.put("email", "ada@example.com");
    }
    if (schema.getField("reason") != null) {
      record.put("reason", "GDPR");
    }
    return record;
  }

  @Test
  void framesTheAvroBinaryWithMagicByteAndBigEndianSchemaId() {
    byte[] bytes = WireFormat.encode(0x01020304, V1, deleted(V1));

    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(new byte[] {bytes[1], bytes[2], bytes[3], bytes[4]}).containsExactly(1, 2, 3, 4);
    // zig-zag 42 = 84 (0x54), then the string's length 15 zig-zagged = 30 (0x1e)
    assertThat(bytes[5]).isEqualTo((byte) 0x54);
    assertThat(bytes[6]).isEqualTo((byte) 0x1e);
    assertThat(bytes).hasSize(5 + 1 + 1 + 15);
    assertThat(WireFormat.schemaId(bytes)).isEqualTo(0x01020304);
  }

  @Test
  void decodesWithTheReaderSchemaThroughAvroResolution() {
    byte[] bytes = WireFormat.encode(7, V2_EXTRA_FIELD, deleted(V2_EXTRA_FIELD));

    GenericRecord seenByOldReader = (GenericRecord) WireFormat.decode(bytes, V2_EXTRA_FIELD, V1);

    assertThat(seenByOldReader.getSchema()).isEqualTo(V1);
    assertThat(seenByOldReader.get("userId")).isEqualTo(42L);
    assertThat(seenByOldReader.get("email").toString()).isEqualTo("ada@example.com");
  }

  @Test
  void failsWithAvrosReasonWhenTheReaderCannotResolveTheWriter() {
    byte[] bytes = WireFormat.encode(7, V2_NO_EMAIL, deleted(V2_NO_EMAIL));

    assertThatThrownBy(() -> WireFormat.decode(bytes, V2_NO_EMAIL, V1))
        .isInstanceOf(AvroDecodeException.class)
        .hasMessageContaining("UserDeleted")
        .hasMessageContaining("email");
  }

  @Test
  void rejectsAWrongMagicByteAndAShortBuffer() {
    byte[] bytes = WireFormat.encode(7, V1, deleted(V1));
    bytes[0] = 1;

    assertThatThrownBy(() -> WireFormat.decode(bytes, V1, V1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("magic byte");
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("3 bytes long");
  }

  @Test
  void rejectsAnEventThatDoesNotFitTheWriterSchema() {
    GenericData.Record incomplete = new GenericData.Record(V1);
    incomplete.put("userId", 42L);

    assertThatThrownBy(() -> WireFormat.encode(7, V1, incomplete))
        .isInstanceOf(AvroEncodeException.class).hasMessageContaining("UserDeleted");
  }
}
