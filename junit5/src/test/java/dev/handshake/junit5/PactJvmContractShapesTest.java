package dev.handshake.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.consumer.dsl.MessageContentsBuilder;
import au.com.dius.pact.consumer.dsl.MessageInteractionBuilder;
import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.contract.BodyMatcher;
import dev.handshake.core.contract.ContractReader;
import dev.handshake.core.contract.ExpectedHeader;
import dev.handshake.core.contract.KeyFormat;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.Mismatch;
import dev.handshake.junit5.fixture.AccountClosed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts pact-jvm 4.6.17 itself writes, read back by core's contract reader as the producer's gate reads
 * them: a key and headers with matchers, a message stated by its metadata only, arrayContains and a
 * contentType rule.
 */
class PactJvmContractShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UUID_EXAMPLE = "0b6e5c2a-3f0e-4f57-9c55-1d1f0b1f7a10";

  @TempDir
  Path dir;

  private MessageInteraction written(V4Pact pact) throws Exception {
    assertThat(pact.write(dir.toString(), PactSpecVersion.V4).errorValue()).isNull();
    Path file = dir.resolve("c-p.json");
    return new ContractReader().read(file, "c-p.json").interactions().get(0);
  }

  private static List<Mismatch> match(MessageInteraction interaction, String actual) throws Exception {
    return BodyMatcher.match(interaction, JSON.readTree(actual));
  }

  @Test
  void aKeyAndHeadersWithMatchersAreWrittenAsMetadataAndReadBack() throws Exception {
    V4Pact pact = AvroMessageInteractionTest.accountClosed()
        .withKey(KeyFormat.STRING, Matchers.regexp("acc-[0-9]+", "acc-7"))
        .withHeader("id", Matchers.uuid(UUID_EXAMPLE))
        .withHeader("type", "AccountClosed")
        .addTo(new PactBuilder("c", "p", PactSpecVersion.V4)).toPact();

    MessageInteraction interaction = written(pact);

    assertThat(interaction.key().format()).isEqualTo(KeyFormat.STRING);
    assertThat(interaction.key().example().asText()).isEqualTo("acc-7");
    assertThat(BodyMatcher.match(interaction.key().example(), interaction.key().rules(), JSON.readTree("\"acc-8\""),
        "key", s -> "")).isEmpty();
    assertThat(BodyMatcher.match(interaction.key().example(), interaction.key().rules(), JSON.readTree("\"7\""),
        "key", s -> "")).extracting(Mismatch::rule).containsExactly("regex \"acc-[0-9]+\"");
    assertThat(interaction.headers()).extracting(ExpectedHeader::name).containsExactly("id", "type");
    ExpectedHeader id = interaction.headers().get(0);
    assertThat(id.rules().byPath().get("$").rules().get(0).match()).isEqualTo("regex");
    assertThat(interaction.headers().get(1).rules().byPath()).isEmpty();
    assertThat(id.pointer()).isEqualTo("/interactions/0/metadata/handshake.header.id");
    ReceivedAvroMessage received = ReceivedAvroMessage.from(
        (au.com.dius.pact.core.model.V4Interaction.AsynchronousMessage) pact.getInteractions().get(0));
    assertThat(received.keyBytes()).asString(StandardCharsets.UTF_8).isEqualTo("acc-7");
    assertThat(received.headers().get("id")).asString(StandardCharsets.UTF_8).isEqualTo(UUID_EXAMPLE);
  }

  @Test
  void anAvroKeyCarriesItsReaderSchema() throws Exception {
    V4Pact pact = AvroMessageInteractionTest.accountClosed()
        .withAvroKey(new org.apache.avro.Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"AccountKey\",\"fields\":[{\"name\":\"accountId\",\"type\":\"string\"}]}"),
            Map.of("accountId", "acc-7"))
        .addTo(new PactBuilder("c", "p", PactSpecVersion.V4)).toPact();

    MessageInteraction interaction = written(pact);

    assertThat(interaction.key().format()).isEqualTo(KeyFormat.AVRO);
    assertThat(interaction.key().schema().getName()).isEqualTo("AccountKey");
    assertThat(interaction.key().example().path("accountId").asText()).isEqualTo("acc-7");
    byte[] key = ReceivedAvroMessage.from(
        (au.com.dius.pact.core.model.V4Interaction.AsynchronousMessage) pact.getInteractions().get(0)).keyBytes();
    assertThat(dev.handshake.core.avro.WireFormat.decode(key, interaction.key().schema(), interaction.key().schema()))
        .hasToString("{\"accountId\": \"acc-7\"}");
  }

  @Test
  void aKeyOrHeaderExampleTheConsumerCouldNotReadFailsTheContractTest() {
    assertThatThrownBy(() -> AvroMessageInteractionTest.accountClosed().withKey(KeyFormat.LONG, "acc-7")
        .addTo(new PactBuilder("c", "p", PactSpecVersion.V4)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("a long key needs an integer example");
    assertThatThrownBy(() -> AvroMessageInteractionTest.accountClosed().withHeader("id", Matchers.uuid())
        .addTo(new PactBuilder("c", "p", PactSpecVersion.V4)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("header \"id\" has a matcher without an example");
  }

  @Test
  void aMessageStatedByItsMetadataOnlyMatchesAnyBody() throws Exception {
    V4Pact pact = AvroMessageInteraction.expects("an account was closed")
        .onTopic("account-events")
        .readerSchema(AccountClosed.getClassSchema())
        .withHeader("type", "AccountClosed")
        .addTo(new PactBuilder("c", "p", PactSpecVersion.V4)).toPact();

    MessageInteraction interaction = written(pact);

    assertThat(interaction.body()).isNull();
    assertThat(match(interaction, "{\"anything\": [1, 2]}")).isEmpty();
    assertThat(interaction.headers()).hasSize(1);
    ReceivedAvroMessage received = ReceivedAvroMessage.from(
        (au.com.dius.pact.core.model.V4Interaction.AsynchronousMessage) pact.getInteractions().get(0));
    assertThat(received.headers()).containsOnlyKeys("type");
    assertThat(received.keyBytes()).isNull();
    assertThatThrownBy(received::record).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("states no body");
  }

  @Test
  void arrayContainsMatchesEachVariantAnywhereInTheArray() throws Exception {
    PactDslJsonBody body = new PactDslJsonBody();
    body.arrayContaining("roles")
        .object().stringType("name", "admin").stringValue("scope", "users").closeObject()
        .object().stringMatcher("name", "audit-.+", "audit-read").closeObject()
        .closeArray();
    V4Pact pact = new PactBuilder("c", "p", PactSpecVersion.V4)
        .expectsToReceiveMessageInteraction("roles", (MessageInteractionBuilder m) ->
            m.withContents((MessageContentsBuilder contents) -> contents.withContent(body)))
        .toPact();

    MessageInteraction interaction = written(pact);

    assertThat(match(interaction, """
        {"roles": [{"name": "audit-write"}, {"name": "x"}, {"name": "owner", "scope": "users"}]}""")).isEmpty();
    List<Mismatch> mismatches = match(interaction, """
        {"roles": [{"name": "owner", "scope": "groups"}, {"name": "audit-write"}]}""");
    assertThat(mismatches).extracting(Mismatch::kind, Mismatch::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Mismatch.Kind.VALUE, "$.roles"));
    assertThat(mismatches.get(0).description()).contains("to contain an element like {\"name\":\"admin\",\"scope\":\"users\"}");
  }

  @Test
  void aContentTypeRuleOnTheBodyIsApplied() throws Exception {
    V4Pact pact = new PactBuilder("c", "p", PactSpecVersion.V4)
        .expectsToReceiveMessageInteraction("typed", (MessageInteractionBuilder m) ->
            m.withContents((MessageContentsBuilder contents) -> contents.withContentsMatchingContentType(
                "application/json", "{\"id\": 1}".getBytes(StandardCharsets.UTF_8))))
        .toPact();

    MessageInteraction interaction = written(pact);

    assertThat(interaction.bodyRules().byPath().get("$").rules().get(0).match()).isEqualTo("contentType");
    assertThat(match(interaction, "{\"id\": 2, \"other\": true}")).isEmpty();
  }
}
