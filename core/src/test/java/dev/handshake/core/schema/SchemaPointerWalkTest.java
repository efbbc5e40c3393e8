package dev.handshake.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaPointerWalkTest {
  private static final Schema READER = new Schema.Parser().parse("""
      {"type":"record","name":"User","fields":[
        {"name":"id","type":"string"},
        {"name":"addresses","type":{"type":"array","items":{"type":"record","name":"Address","fields":[
          {"name":"city","type":["null","string"]}]}}},
        {"name":"tags","type":{"type":"map","values":{"type":"enum","name":"Tag","symbols":["A","B"]}}},
        {"name":"nick","type":"string","default":""}]}""");
  private static final Schema WRITER = new Schema.Parser().parse("""
      {"type":"record","name":"User","fields":[
        {"name":"tags","type":{"type":"map","values":{"type":"enum","name":"Tag","symbols":["A","B","C"]}}},
        {"name":"id","type":"string"},
        {"name":"addresses","type":{"type":"array","items":{"type":"record","name":"Address","fields":[
          {"name":"zip","type":"int"},{"name":"city","type":"string"}]}}}]}""");

  @Test
  void namesTheValueAndTheSchemaAPointerReaches() {
    SchemaPointerWalk.Walk walk = SchemaPointerWalk.walk(READER, "/fields/1/type/items/fields/0/type/1");

    assertThat(walk.complete()).isTrue();
    assertThat(walk.valuePath().render()).isEqualTo("User.addresses[].city");
    assertThat(walk.schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(SchemaPointerWalk.walk(READER, "/fields/2/type/values/symbols").valuePath().render()).isEqualTo("User.tags{}");
  }

  @Test
  void stopsWhereThePointerLeavesTheSchema() {
    SchemaPointerWalk.Walk walk = SchemaPointerWalk.walk(READER, "/fields/0/type/items");

    assertThat(walk.complete()).isFalse();
    assertThat(walk.schema()).isNull();
    assertThat(walk.valuePath().render()).isEqualTo("User.id");
    assertThat(SchemaPointerWalk.walk(READER, "/fields/9").schema()).isNull();
  }

  @Test
  void carriesAReaderPointerToTheWritersFieldsByName() {
    assertThat(SchemaPointerWalk.translate(READER, WRITER, "/fields/1/type/items/fields/0/type"))
        .isEqualTo("/fields/2/type/items/fields/1/type");
    assertThat(SchemaPointerWalk.translate(READER, WRITER, "/fields/2/type/values/symbols"))
        .isEqualTo("/fields/0/type/values/symbols");
    // a union branch's position may differ in the writer: stop at the field's type
    assertThat(SchemaPointerWalk.translate(READER, WRITER, "/fields/1/type/items/fields/0/type/1"))
        .isEqualTo("/fields/2/type/items/fields/1/type");
    // the writer has no "nick": point at its fields
    assertThat(SchemaPointerWalk.translate(READER, WRITER, "/fields/3/type")).isEqualTo("/fields");
  }
}
