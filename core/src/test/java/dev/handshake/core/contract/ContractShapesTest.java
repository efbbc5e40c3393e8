package dev.handshake.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract shapes beyond the ones pact-jvm's JUnit DSL writes for a JSON body: one fixture each under
 * src/test/resources/contracts/shapes/ (junit5's PactJvmContractShapesTest reads the ones pact-jvm writes).
 */
class ContractShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static MessageInteraction read(String name) {
    return new ContractReader().read(fixture(name), "contracts/" + name).interactions().get(0);
  }

  private static Path fixture(String name) {
    try {
      return Path.of(ContractShapesTest.class.getResource("/contracts/shapes/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Mismatch> match(MessageInteraction interaction, String actual) throws Exception {
    return BodyMatcher.match(interaction, JSON.readTree(actual));
  }

  private static ContractInvalidException refused(String name) {
    try {
      read(name);
    } catch (ContractInvalidException e) {
      return e;
    }
    throw new AssertionError(name + " was read, but should have been refused");
  }

  @Test
  void aMessageWithoutABodyMatchesAnyBody() throws Exception {
    MessageInteraction interaction = read("metadata-only.json");

    assertThat(interaction.body()).isNull();
    assertThat(match(interaction, "{\"userId\": 7, \"extra\": [1]}")).isEmpty();
    assertThat(interaction.headers()).extracting(ExpectedHeader::name).containsExactly("type");
  }

  @Test
  void anExpectedEmptyBodyMatchesOnlyAnEmptyBody() throws Exception {
    MessageInteraction interaction = read("empty-body.json");

    assertThat(BodyMatcher.match(interaction, null)).isEmpty();
    assertThat(match(interaction, "\"\"")).isEmpty();
    List<Mismatch> mismatches = match(interaction, "{\"userId\": 7}");
    assertThat(mismatches).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(Mismatch.Kind.VALUE);
      assertThat(m.path()).isEqualTo("$");
      assertThat(m.pointer()).isEqualTo("/interactions/0/contents/content");
      assertThat(m.expected()).isEqualTo("an empty body");
      assertThat(m.description()).startsWith("expected an empty body").endsWith("but it was {\"userId\":7}");
    });
  }

  @Test
  void rulesUnderTheV4ContentCategoryApplyToTheBody() throws Exception {
    MessageInteraction interaction = read("content-category.json");

    assertThat(match(interaction, "{\"userId\": \"7\", \"roles\": [{\"name\": \"admin\"}], \"note\": \"<p>hi</p>\"}"))
        .isEmpty();
    assertThat(match(interaction, "{\"userId\": \"u7\", \"roles\": [{\"name\": \"admin\"}], \"note\": \"<p>hi</p>\"}"))
        .extracting(Mismatch::path).containsExactly("$.userId");
  }

  @Test
  void aCategoryWithRulesTheGateDoesNotApplyIsRefusedNamingItAndWhere() {
    ContractInvalidException e = refused("unknown-category.json");

    assertThat(e.location().jsonPointer()).isEqualTo("/interactions/0/matchingRules/header");
    assertThat(e.location().line()).isGreaterThan(1);
    assertThat(e.reason()).contains("category \"header\"", "\"body\" or \"content\"", "\"metadata\"");
  }

  @Test
  void aMetadataRuleForAnEntryOtherThanTheKeyOrAHeaderIsRefused() {
    ContractInvalidException e = refused("metadata-rule-unknown-entry.json");

    assertThat(e.reason()).contains("metadata matching rule for \"contentType\"", "would be ignored");
    assertThat(e.location().jsonPointer()).isEqualTo("/interactions/0/matchingRules/metadata/contentType");
  }

  @Test
  void v2RulesWithMinOrMaxAndNoMatchTypeAreTypeRulesWithBounds() throws Exception {
    MessageInteraction interaction = read("v2-min-max.json");

    MatchingRules.Rule roles = interaction.bodyRules().byPath().get("$.roles").rules().get(0);
    assertThat(roles.match()).isEqualTo("type");
    assertThat(interaction.bodyRules().byPath().get("$.userId").rules().get(0).match()).isEqualTo("regex");
    assertThat(match(interaction, "{\"userId\": \"1\", \"roles\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"note\": \"x\"}"))
        .extracting(Mismatch::path).containsExactly("$.note");
    assertThat(match(interaction, "{\"userId\": \"1\", \"roles\": [], \"note\": \"<p>hi</p>\"}"))
        .extracting(Mismatch::description).containsExactly("expected $.roles to have at least 1 element(s) "
            + "(matcher type (min 1, max 2)) but it was 0 element(s)");
    assertThat(match(interaction, "{\"userId\": \"1\", \"roles\": [{\"name\": \"a\"}, {\"name\": \"b\"}, "
        + "{\"name\": \"c\"}], \"note\": \"<p>hi</p>\"}")).extracting(Mismatch::expected)
        .containsExactly("at most 2 element(s)");
  }

  @Test
  void arrayContainsNeedsOneElementLikeEachVariantAnywhere() throws Exception {
    MessageInteraction interaction = read("array-contains.json");

    assertThat(match(interaction, "{\"userId\": \"42\", \"roles\": [{\"name\": \"x\"}, {\"name\": \"admin-2\"}], "
        + "\"note\": \"<p>hi</p>\"}")).isEmpty();
    assertThat(match(interaction, "{\"userId\": \"42\", \"roles\": [{\"name\": \"x\"}], \"note\": \"<p>hi</p>\"}"))
        .extracting(Mismatch::path, Mismatch::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.roles", "/interactions/0/contents/content/roles/0"));
    assertThat(match(interaction, "{\"userId\": \"42\", \"roles\": \"admin\", \"note\": \"<p>hi</p>\"}"))
        .extracting(Mismatch::kind).containsExactly(Mismatch.Kind.TYPE);
  }

  @Test
  void contentTypeRulesCheckWhatTheValueIs() throws Exception {
    MessageInteraction interaction = read("content-type.json");

    assertThat(match(interaction, "{\"userId\": \"42\", \"roles\": [{\"name\": \"admin\"}], "
        + "\"note\": \"<note><to>Ada</to></note>\"}")).isEmpty();
    assertThat(match(interaction, "{\"userId\": \"42\", \"roles\": [{\"name\": \"admin\"}], \"note\": \"not <xml\"}"))
        .extracting(Mismatch::path, Mismatch::expected)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.note", "content of type application/xml"));
  }

  @Test
  void aContentTypeRuleOnTheRootReplacesComparingTheBodyWithTheExample() throws Exception {
    MessageInteraction interaction = read("content-type-root.json");

    assertThat(match(interaction, "{\"anything\": \"else\"}")).isEmpty();
    assertThat(match(interaction, "\"not json {\"")).extracting(Mismatch::path).containsExactly("$");
  }

  @Test
  void aContentTypeHandshakeCannotTellFromTheValueIsRefused() {
    assertThat(refused("content-type-unknown.json").reason()).contains("contentType \"image/png\"",
        "application/json");
  }

  @Test
  void statusCodeStaysRefusedForMessages() {
    ContractInvalidException e = refused("status-code.json");

    assertThat(e.location().jsonPointer()).endsWith("/matchers/0/match");
    assertThat(e.reason()).contains("matcher \"statusCode\"", "not one Handshake applies");
  }

  @Test
  void aRuleWithoutAMatchTypeThatNothingExplainsIsRefused() {
    String text = """
        {"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"type":"Asynchronous/Messages",
         "description":"d","contents":{"content":{"a":1}},
         "matchingRules":{"body":{"$.a":{"matchers":[{"value":1}]}}}}]}""";
    assertThatThrownBy(() -> new ContractReader().parse("c.json", text))
        .isInstanceOf(ContractInvalidException.class).hasMessageContaining("has no \"match\" type");
  }
}
