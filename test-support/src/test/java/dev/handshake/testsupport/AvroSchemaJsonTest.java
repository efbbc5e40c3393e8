package dev.handshake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvroSchemaJsonTest {
  private static final String USER = """
      {"type": "record", "name": "User", "namespace": "ex", "fields": [
        {"name": "email", "type": "string"},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["A", "B"]}}]}""";
  private static final String USER_REFORMATTED = """
      {
          "type" : "record",   "name" : "User", "namespace" : "ex",
          "fields" : [ { "name" : "email", "type" : "string" },
                       { "name" : "status",
                         "type" : { "type" : "enum", "name" : "Status",
                                    "symbols" : [ "A",
                                                  "B" ] } } ]
      }""";

  @Test
  void aReformattedSchemaIsChangedTheSame() {
    String changed = AvroSchemaJson.withEnumSymbols(USER, "Status", List.of("A", "B", "C"));
    assertThat(AvroSchemaJson.withEnumSymbols(USER_REFORMATTED, "ex.Status", List.of("A", "B", "C")))
        .isEqualTo(changed).contains("\"C\"");
    assertThat(AvroSchemaJson.withEnumDefault(USER_REFORMATTED, "Status", "A"))
        .isEqualTo(AvroSchemaJson.withEnumDefault(USER, "Status", "A")).contains("\"default\" : \"A\"");
    assertThat(AvroSchemaJson.withoutField(USER_REFORMATTED, "email")).doesNotContain("email").contains("status");
    assertThat(AvroSchemaJson.withFirstField(USER_REFORMATTED, "{\"name\": \"junk\", \"type\": \"int\"}"))
        .isEqualTo(AvroSchemaJson.withFirstField(USER, "{\"name\": \"junk\", \"type\": \"int\"}"))
        .containsSubsequence("\"junk\"", "\"email\"");
  }

  @Test
  void aChangeWithNothingToChangeFailsNamingWhatIsMissing() {
    assertThatThrownBy(() -> AvroSchemaJson.withEnumSymbols(USER, "Role", List.of("X")))
        .hasMessageContaining("no enum named Role");
    assertThatThrownBy(() -> AvroSchemaJson.withFirstField("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\"]}",
        "{\"name\": \"junk\", \"type\": \"int\"}")).hasMessageContaining("E is not a record");
    assertThatThrownBy(() -> AvroSchemaJson.withoutField(USER, "name")).hasMessageContaining("no field \"name\"");
    assertThatThrownBy(() -> AvroSchemaJson.withoutField("[1,", "name")).hasMessageContaining("not JSON");
  }
}
