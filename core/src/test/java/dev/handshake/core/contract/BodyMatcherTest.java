package dev.handshake.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pact's matching semantics, on a contract pact-jvm 4.6.17 itself wrote and on small hand-made ones. */
class BodyMatcherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static MessageContract pactJvmContract() throws Exception {
    Path file = Path.of(BodyMatcherTest.class.getResource("/contracts/pact-jvm-4.6.17-message.json").toURI());
    return new ContractReader().read(file, "auth-service-user-service.json");
  }

  private static MessageInteraction interaction(String body, String rules) {
    String text = """
        {"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"type":"Asynchronous/Messages",
         "description":"d","contents":{"content":%s,"contentType":"application/json","encoded":false},
         "matchingRules":{"body":%s}}]}""".formatted(body, rules);
    return new ContractReader().parse("c.json", text).interactions().get(0);
  }

  private static List<Mismatch> match(MessageInteraction interaction, String actual) throws Exception {
    return BodyMatcher.match(interaction, JSON.readTree(actual));
  }

  @Test
  void readsAContractPactJvmWrote() throws Exception {
    MessageContract contract = pactJvmContract();

    assertThat(contract.consumer()).isEqualTo("auth-service");
    assertThat(contract.provider()).isEqualTo("user-service");
    MessageInteraction interaction = contract.interactions().get(0);
    assertThat(interaction.description()).isEqualTo("a user was deleted");
    assertThat(interaction.providerStates()).containsExactly("user 42 exists");
    assertThat(interaction.metadata()).containsEntry("handshake.topic", "user-events");
    assertThat(interaction.bodyRules().byPath()).containsKeys("$.email", "$.roles", "$.roles[*].name");
    assertThat(contract.locate(interaction.pointer()).line()).isEqualTo(6);
  }

  @Test
  void acceptsAnEventThatFollowsEveryRuleAndHasExtraFields() throws Exception {
    MessageInteraction interaction = pactJvmContract().interactions().get(0);

    List<Mismatch> mismatches = match(interaction, """
        {"address":{"city":"Paris","zip":"75001"},"admin":true,"balance":99.01,
         "deletedAt":"2027-01-01T00:00:00.000Z","email":"bob@example.org","nick":"bob",
         "roles":[{"name":"a"},{"name":"b","scope":"x"}],"status":"ACTIVE","userId":7,"unrelated":1}""");

    assertThat(mismatches).isEmpty();
  }

  @Test
  void reportsEachBrokenRuleWithItsPath() throws Exception {
    MessageInteraction interaction = pactJvmContract().interactions().get(0);

    List<Mismatch> mismatches = match(interaction, """
        {"address":{"city":1},"admin":"no","balance":3,"deletedAt":"yesterday","email":"nope",
         "nick":"bob","roles":[],"status":"LOCKED","userId":7.5}""");

    assertThat(mismatches).extracting(Mismatch::path).containsExactlyInAnyOrder("$.address.city", "$.admin",
        "$.balance", "$.deletedAt", "$.email", "$.roles", "$.status", "$.userId");
    assertThat(mismatches).filteredOn(m -> m.path().equals("$.status")).singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(Mismatch.Kind.VALUE));
    assertThat(mismatches).filteredOn(m -> m.path().equals("$.userId")).singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(Mismatch.Kind.TYPE));
    assertThat(mismatches).filteredOn(m -> m.path().equals("$.roles")).singleElement()
        .satisfies(m -> assertThat(m.description()).contains("at least 1 element"));
  }

  @Test
  void checksEveryArrayElementAgainstTheFirstExpectedOne() throws Exception {
    MessageInteraction interaction = pactJvmContract().interactions().get(0);
    String event = """
        {"address":{"city":"Lyon"},"admin":false,"balance":12.5,"deletedAt":"2026-11-22T10:15:30.123Z",
         "email":"ada@example.com","nick":"ada","roles":[{"name":"a"},{"name":2},{"other":true}],
         "status":"ACTIVE","userId":42}""";

    assertThat(match(interaction, event)).extracting(Mismatch::path, Mismatch::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.roles[1].name", Mismatch.Kind.TYPE),
            org.assertj.core.groups.Tuple.tuple("$.roles[2].name", Mismatch.Kind.MISSING));
  }

  @Test
  void cascadesATypeRuleToChildrenAndPrefersTheMostSpecificPath() throws Exception {
    MessageInteraction interaction = interaction("{\"a\":{\"x\":\"s\",\"y\":\"fixed\"}}",
        "{\"$.a\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},"
            + "\"$.a.y\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"equality\"}]}}");

    assertThat(match(interaction, "{\"a\":{\"x\":\"other\",\"y\":\"fixed\"}}")).isEmpty();
    assertThat(match(interaction, "{\"a\":{\"x\":\"other\",\"y\":\"changed\"}}"))
        .extracting(Mismatch::path).containsExactly("$.a.y");
    assertThat(match(interaction, "{\"a\":{\"x\":3,\"y\":\"fixed\"}}"))
        .extracting(Mismatch::path).containsExactly("$.a.x");
  }

  @Test
  void comparesValuesExactlyWithoutARule() throws Exception {
    MessageInteraction interaction = interaction("{\"n\":1.50,\"list\":[1,2]}", "{}");

    assertThat(match(interaction, "{\"n\":1.5,\"list\":[1,2]}")).isEmpty();
    assertThat(match(interaction, "{\"n\":1.51,\"list\":[1]}")).extracting(Mismatch::path)
        .containsExactly("$.n", "$.list");
  }

  @Test
  void combinesWithOrAndMatchesMapValuesWhateverTheirKey() throws Exception {
    MessageInteraction interaction = interaction("{\"id\":\"x\",\"tags\":{\"any\":\"t\"}}",
        "{\"$.id\":{\"combine\":\"OR\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"\\\\d+\"},"
            + "{\"match\":\"null\"}]},\"$.tags\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"values\"}]},"
            + "\"$.tags.*\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]}}");

    assertThat(match(interaction, "{\"id\":null,\"tags\":{\"a\":\"1\",\"b\":\"2\"}}")).isEmpty();
    assertThat(match(interaction, "{\"id\":\"12\",\"tags\":{}}")).isEmpty();
    assertThat(match(interaction, "{\"id\":\"ab\",\"tags\":{\"a\":3}}")).extracting(Mismatch::path)
        .containsExactly("$.id", "$.id", "$.tags.a");
  }

  @Test
  void appliesEachKeyAndEachValueToEveryEntryOfAMap() throws Exception {
    MessageInteraction interaction = interaction("{\"limits\":{\"eu-west\":10}}",
        "{\"$.limits\":{\"combine\":\"AND\",\"matchers\":["
            + "{\"match\":\"eachKey\",\"rules\":[{\"match\":\"regex\",\"regex\":\"[a-z]+-[a-z]+\"}]},"
            + "{\"match\":\"eachValue\",\"rules\":[{\"match\":\"integer\"}]}]}}");

    assertThat(match(interaction, "{\"limits\":{\"us-east\":3,\"ap-south\":7}}")).isEmpty();
    assertThat(match(interaction, "{\"limits\":{\"US\":3,\"eu-north\":2.5}}"))
        .extracting(Mismatch::path, Mismatch::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.limits.US (key)", Mismatch.Kind.VALUE),
            org.assertj.core.groups.Tuple.tuple("$.limits.eu-north", Mismatch.Kind.TYPE));
  }

  @Test
  void matchesDatesTimesAndIncludes() throws Exception {
    MessageInteraction interaction = interaction("{\"d\":\"2026-01-01\",\"t\":\"10:00\",\"s\":\"hello world\"}",
        "{\"$.d\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"date\",\"format\":\"yyyy-MM-dd\"}]},"
            + "\"$.t\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"time\"}]},"
            + "\"$.s\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"include\",\"value\":\"world\"}]}}");

    assertThat(match(interaction, "{\"d\":\"2027-12-31\",\"t\":\"23:59:59\",\"s\":\"a world\"}")).isEmpty();
    assertThat(match(interaction, "{\"d\":\"31/12/2027\",\"t\":\"noon\",\"s\":\"hello\"}"))
        .extracting(Mismatch::path).containsExactly("$.d", "$.t", "$.s");
  }

  @Test
  void rejectsUnsupportedMatchersAndBadPathsWithTheirPosition() {
    assertThatThrownBy(() -> interaction("{\"a\":1}",
        "{\"$.a\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"arrayContains\"}]}}"))
        .isInstanceOf(ContractInvalidException.class)
        .hasMessageContaining("c.json:3:")
        .hasMessageContaining("arrayContains");
    assertThatThrownBy(() -> interaction("{\"a\":1}",
        "{\"a.b\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]}}"))
        .hasMessageContaining("not a valid Pact path");
    assertThatThrownBy(() -> interaction("{\"a\":1}",
        "{\"$.a\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"(\"}]}}"))
        .hasMessageContaining("not a valid regular expression");
  }

  @Test
  void locatesNestedValuesInTheFile() throws Exception {
    MessageContract contract = pactJvmContract();
    assertThat(contract.locate("/interactions/0/contents/content/address/city").line()).isEqualTo(13);
    assertThat(contract.locate("/interactions/0/contents/content/nothing/here").line()).isEqualTo(11);
  }
}
