package dev.handshake.core.avro;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class DecodeFailuresTest {

  private static String avroSays(String writerJson, String readerJson, Object value) {
    Schema writer = new Schema.Parser().parse(writerJson);
    Schema reader = new Schema.Parser().parse(readerJson);
    GenericRecord record = new GenericData.Record(writer);
    record.put("v", value);
    try {
      WireFormat.decode(WireFormat.encode(1, writer, record), writer, reader);
    } catch (AvroDecodeException e) {
      return e.getCause().getMessage();
    }
    throw new AssertionError("Avro decoded it");
  }

  private static String record(String fieldType) {
    return "{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[{\"name\":\"v\",\"type\":" + fieldType
        + "}]}";
  }

  @Test
  void aMissingRequiredFieldIsSaidInTheReportsWords() {
    String writer = "{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"}]}";
    String reader = "{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"},"
        + "{\"name\":\"email\",\"type\":\"string\"}]}";
    String avro = avroSays(writer, reader, 1);
    assertThat(avro).contains("Found t.E, expecting t.E, missing required field email");

    assertThat(DecodeFailures.explain(avro)).isEqualTo("the reader's record t.E requires field \"email\" (it has "
        + "no default there), and the event written with the producer's schema does not contain it");
  }

  @Test
  void anUnknownEnumSymbolAndAnUnpromotableTypeToo() {
    String enumOf = "{\"type\":\"enum\",\"name\":\"S\",\"symbols\":[%s]}";
    String writer = record(String.format(enumOf, "\"A\",\"LOCKED\""));
    Schema writerSchema = new Schema.Parser().parse(writer);
    String avro = avroSays(writer, record(String.format(enumOf, "\"A\"")),
        new GenericData.EnumSymbol(writerSchema.getField("v").schema(), "LOCKED"));
    assertThat(DecodeFailures.explain(avro)).contains("enum symbol LOCKED", "does not list and has no default");

    String typeChanged = avroSays(record("\"string\""), record("\"long\""), "x");
    assertThat(DecodeFailures.explain(typeChanged)).contains("the producer writes string where the reader expects long");
  }

  @Test
  void anythingElseKeepsAvrosTextInParentheses() {
    assertThat(DecodeFailures.explain("Malformed data. Length is negative: -3"))
        .isEqualTo("Avro's schema resolution failed (Malformed data. Length is negative: -3)");
  }
}
