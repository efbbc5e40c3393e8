package dev.handshake.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which values an interaction names: its expected content, and its body rules down to a value or inside it. */
class ExpectedPathsTest {
  private static final String ANY_INDEX = ExpectedPaths.ANY_INDEX;
  private static final String ANY_KEY = ExpectedPaths.ANY_KEY;

  private static MessageInteraction interaction(String content, String... rulePaths) throws Exception {
    Map<String, MatchingRules.RuleGroup> rules = new java.util.LinkedHashMap<>();
    for (String path : rulePaths) {
      rules.put(path, new MatchingRules.RuleGroup(true, List.of(new MatchingRules.Rule("type", Map.of()))));
    }
    return new MessageInteraction(0, "/interactions/0", "an event", List.of(), new ObjectMapper().readTree(content),
        new MatchingRules(rules), null, List.of(),
        Map.of(), false);
  }

  @Test
  void expectedContentNamesEveryValueItHasIncludingNullsArrayElementsAndMapValues() throws Exception {
    MessageInteraction interaction = interaction(
        "{\"email\": null, \"roles\": [{\"name\": \"admin\"}], \"tags\": {\"tier\": {\"level\": 3}}}");

    assertThat(ExpectedPaths.names(interaction, List.of("email"))).isTrue();
    assertThat(ExpectedPaths.names(interaction, List.of("roles", ANY_INDEX, "name"))).isTrue();
    assertThat(ExpectedPaths.names(interaction, List.of("tags", ANY_KEY, "level"))).isTrue();
    assertThat(ExpectedPaths.names(interaction, List.of("roles", ANY_INDEX, "since"))).isFalse();
    assertThat(ExpectedPaths.names(interaction, List.of("userId"))).isFalse();
  }

  @Test
  void aRuleNamesItsPathAndItsAncestorsButARuleOnAnAncestorOnlyDoesNotNameTheChildren() throws Exception {
    MessageInteraction interaction = interaction("{}", "$", "$.address.city", "$.roles[*].name", "$.tags.*");

    assertThat(ExpectedPaths.names(interaction, List.of("address", "city"))).isTrue();
    assertThat(ExpectedPaths.names(interaction, List.of("address"))).isTrue();
    assertThat(ExpectedPaths.names(interaction, List.of("address", "zip"))).isFalse();
    assertThat(ExpectedPaths.names(interaction, List.of("roles", ANY_INDEX, "name"))).isTrue();
    assertThat(ExpectedPaths.names(interaction, List.of("tags", ANY_KEY))).isTrue();
    assertThat(ExpectedPaths.names(interaction, List.of("email"))).isFalse();
  }
}
