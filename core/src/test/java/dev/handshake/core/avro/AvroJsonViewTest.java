package dev.handshake.core.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonViewTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Schema USER = new Schema.Parser().parse("""
      {"type":"record","name":"UserCreated","namespace":"dev.test","fields":[
        {"name":"userId","type":"long"},
        {"name":"email","type":"string"},
        {"name":"nickname","type":["null","string"],"default":null},
        {"name":"status","type":{"type":"enum","name":"Status","symbols":["ACTIVE","LOCKED"]}},
        {"name":"createdAt","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-micros"}},
        {"name":"birthday","type":["null",{"type":"int","logicalType":"date"}],"default":null},
        {"name":"wakeUp","type":{"type":"int","logicalType":"time-millis"}},
        {"name":"id","type":{"type":"string","logicalType":"uuid"}},
        {"name":"balance","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
        {"name":"avatar","type":"bytes"},
        {"name":"hash","type":{"type":"fixed","name":"Md5","size":4}},
        {"name":"score","type":"double"},
        {"name":"ratio","type":"float"},
        {"name":"admin","type":"boolean"},
        {"name":"roles","type":{"type":"array","items":"string"}},
        {"name":"labels","type":{"type":"map","values":"int"}},
        {"name":"address","type":["null",{"type":"record","name":"Address","fields":[
          {"name":"city","type":"string"}]}],"default":null}
      ]}""");

  private static GenericRecord sampleUser() {
    Schema address = USER.getField("address").schema().getTypes().get(1);
    GenericData.Record addressRecord = new GenericData.Record(address);
    addressRecord.put("city", "Lyon");
    GenericData.Record user = new GenericData.Record(USER);
    user.put("userId", 42L);
    user.put("email", new org.apache.avro.util.Utf8("ada@example.com"));
    user.put("nickname", null);
    user.put("status", new GenericData.EnumSymbol(USER.getField("status").schema(), "ACTIVE"));
    user.put("createdAt", Instant.parse("2026-11-22T10:15:30.123Z").toEpochMilli());
    user.put("updatedAt", 1_795_342_530_123_456L);
    user.put("birthday", (int) LocalDate.parse("1990-05-17").toEpochDay());
    user.put("wakeUp", 7 * 3_600_000 + 30 * 60_000);
    user.put("id", "123e4567-e89b-12d3-a456-426614174000");
    user.put("balance", ByteBuffer.wrap(new BigDecimal("1234.50").unscaledValue().toByteArray()));
    user.put("avatar", ByteBuffer.wrap("hi!".getBytes(StandardCharsets.US_ASCII)));
    user.put("hash", new GenericData.Fixed(USER.getField("hash").schema(), new byte[] {1, 2, 3, 4}));
    user.put("score", Double.NaN);
    user.put("ratio", 0.1f);
    user.put("admin", false);
    user.put("roles", List.of("reader", "writer"));
    user.put("labels", Map.of("tier", 3));
    user.put("address", addressRecord);
    return user;
  }

  @Test
  void writesEveryAvroKindInItsNaturalJsonForm() throws Exception {
    JsonNode view = AvroJsonView.toJson(sampleUser(), USER);

    assertThat(JSON.writeValueAsString(view)).isEqualTo("""
        {"userId":42,"email":"ada@example.com","nickname":null,"status":"ACTIVE",\
        "createdAt":"2026-11-22T10:15:30.123Z","updatedAt":"2026-11-22T10:15:30.123456Z",\
        "birthday":"1990-05-17","wakeUp":"07:30:00.000","id":"123e4567-e89b-12d3-a456-426614174000",\
        "balance":1234.50,"avatar":"aGkh","hash":"AQIDBA==","score":"NaN","ratio":0.1,"admin":false,\
        "roles":["reader","writer"],"labels":{"tier":3},"address":{"city":"Lyon"}}""");
  }

  @Test
  void readsItsOwnViewBackToTheSameRecord() {
    GenericRecord user = sampleUser();
    JsonNode view = AvroJsonView.toJson(user, USER);

    Object back = AvroJsonView.fromJson(view, USER);

    assertThat(back).isInstanceOf(GenericRecord.class);
    assertThat(AvroJsonView.toJson(back, USER)).isEqualTo(view);
    assertThat(GenericData.get().validate(USER, back)).isTrue();
    assertThat(((GenericRecord) back).get("createdAt")).isEqualTo(user.get("createdAt"));
    assertThat(((GenericRecord) back).get("balance")).isEqualTo(user.get("balance"));
  }

  @Test
  void acceptsConvertedValuesAsGeneratedClassesHoldThem() {
    Schema schema = new Schema.Parser().parse("""
        {"type":"record","name":"E","fields":[
          {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"on","type":["null",{"type":"int","logicalType":"date"}]},
          {"name":"amount","type":{"type":"fixed","name":"Amount","size":8,"logicalType":"decimal",
             "precision":12,"scale":3}}]}""");
    GenericData.Record record = new GenericData.Record(schema);
    record.put("at", Instant.parse("2026-01-02T03:04:05.006Z"));
    record.put("on", LocalDate.parse("2026-01-02"));
    record.put("amount", new BigDecimal("-7.5"));

    JsonNode view = AvroJsonView.toJson(record, schema);

    assertThat(view.toString())
        .isEqualTo("{\"at\":\"2026-01-02T03:04:05.006Z\",\"on\":\"2026-01-02\",\"amount\":-7.500}");
    GenericRecord back = (GenericRecord) AvroJsonView.fromJson(view, schema);
    assertThat(AvroJsonView.toJson(back, schema)).isEqualTo(view);
  }

  @Test
  void picksTheUnionBranchByJsonKindThenByShape() throws Exception {
    Schema union = new Schema.Parser().parse("""
        ["null","long","string",
         {"type":"record","name":"Point","fields":[{"name":"x","type":"int"}]},
         {"type":"enum","name":"Colour","symbols":["RED"]}]""");

    assertThat(AvroJsonView.fromJson(JSON.readTree("null"), union)).isNull();
    assertThat(AvroJsonView.fromJson(JSON.readTree("7"), union)).isEqualTo(7L);
    assertThat(AvroJsonView.fromJson(JSON.readTree("\"RED\""), union)).isEqualTo("RED");
    Object point = AvroJsonView.fromJson(JSON.readTree("{\"x\":1}"), union);
    assertThat(((GenericRecord) point).getSchema().getName()).isEqualTo("Point");
  }

  @Test
  void namesTheJsonPathAndExpectedTypeWhenTheJsonDoesNotFit() throws Exception {
    JsonNode view = AvroJsonView.toJson(sampleUser(), USER);
    ((com.fasterxml.jackson.databind.node.ObjectNode) view.get("address")).put("city", 12);

    assertThatThrownBy(() -> AvroJsonView.fromJson(view, USER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.address")
        .hasMessageContaining("record dev.test.Address");

    ((com.fasterxml.jackson.databind.node.ObjectNode) view).put("status", "GONE");
    ((com.fasterxml.jackson.databind.node.ObjectNode) view).remove("address");
    assertThatThrownBy(() -> AvroJsonView.fromJson(view, USER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.status")
        .hasMessageContaining("GONE")
        .hasMessageContaining("[ACTIVE, LOCKED]");
  }

  @Test
  void rejectsMissingRequiredFieldsAndUnknownFields() throws Exception {
    Schema schema = new Schema.Parser().parse("""
        {"type":"record","name":"R","fields":[{"name":"a","type":"int"},
          {"name":"b","type":"string","default":"x"}]}""");

    GenericRecord defaulted = (GenericRecord) AvroJsonView.fromJson(JSON.readTree("{\"a\":1}"), schema);
    assertThat(defaulted.get("b").toString()).isEqualTo("x");
    assertThatThrownBy(() -> AvroJsonView.fromJson(JSON.readTree("{\"b\":\"y\"}"), schema))
        .hasMessageContaining("no field \"a\"");
    assertThatThrownBy(() -> AvroJsonView.fromJson(JSON.readTree("{\"a\":1,\"c\":2}"), schema))
        .hasMessageContaining("field \"c\"");
    assertThatThrownBy(() -> AvroJsonView.fromJson(JSON.readTree("{\"a\":1.5}"), schema))
        .hasMessageContaining("$.a").hasMessageContaining("expected int");
  }

  @Test
  void rejectsDecimalsThatWouldLosePrecision() throws Exception {
    Schema money = new Schema.Parser().parse(
        "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":2}");

    assertThatThrownBy(() -> AvroJsonView.fromJson(JSON.readTree("1.234"), money))
        .hasMessageContaining("more than 2 decimal places");
    assertThat(AvroJsonView.toJson(AvroJsonView.fromJson(JSON.readTree("1.2"), money), money).toString())
        .isEqualTo("1.20");
  }
}
