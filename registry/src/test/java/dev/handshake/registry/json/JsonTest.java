package dev.handshake.registry.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming JSON the server reads requests and log records with. */
class JsonTest {
  private static Object parse(String text) throws Exception {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void roundTripsTheShapesTheRegistryUses() throws Exception {
    Map<String, Object> record = Json.object("op", "register", "version", 3, "deleted", false, "level", null,
        "references", List.of(Json.object("name", "a.B", "subject", "b", "version", 1)), "schema", "{\"x\": \"\\n\"}");

    Object back = parse(Json.writeString(record));

    assertThat(back).isEqualTo(record);
    assertThat(Json.intValue(((Map<?, ?>) back).get("version"))).isEqualTo(3);
  }

  @Test
  void refusesMalformedOrTrailingContent() {
    assertThatThrownBy(() -> parse("{\"schema\": ")).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> parse("{} {}")).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void onlyIntegralNumbersInIntRangeAreInts() throws Exception {
    assertThat(Json.intValue(parse("7"))).isEqualTo(7);
    assertThat(Json.intValue(parse("7.5"))).isNull();
    assertThat(Json.intValue(parse("99999999999"))).isNull();
    assertThat(Json.intValue(parse("\"7\""))).isNull();
  }
}
