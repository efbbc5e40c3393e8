package dev.handshake.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.core.InvalidInputException;
import dev.handshake.junit5.fixture.AccountClosed;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroMessageInteractionTest {
  private static final String EVENT_ID = "0b6e5c2a-3f0e-4f57-9c55-1d1f0b1f7a10";

  static PactDslJsonBody closedBody() {
    return new PactDslJsonBody()
        .uuid("eventId", EVENT_ID)
        .stringType("accountId", "acc-7")
        .stringMatcher("plan", "FREE|PRO", "PRO")
        .integerType("balanceCents", 1250L)
        .stringValue("closedAt", "2026-11-22T10:15:30.123Z");
  }

  static AvroMessageInteraction accountClosed() {
    return AvroMessageInteraction.expects("an account was closed")
        .given("account acc-7 exists")
        .onTopic("account-events")
        .readerSchema(AccountClosed.getClassSchema())
        .withBody(closedBody());
  }

  @Test
  void writesTheReaderSchemaTopicAndFingerprintIntoTheMessageMetadata(@TempDir Path dir) throws Exception {
    V4Pact pact = accountClosed().addTo(new PactBuilder("test-consumer", "test-provider", PactSpecVersion.V4))
        .toPact();
    assertThat(pact.write(dir.toString(), PactSpecVersion.V4).errorValue()).isNull();

    JsonNode file = new ObjectMapper().readTree(dir.resolve("test-consumer-test-provider.json").toFile());
    JsonNode interaction = file.path("interactions").get(0);
    assertThat(interaction.path("type").asText()).isEqualTo("Asynchronous/Messages");
    assertThat(interaction.path("description").asText()).isEqualTo("an account was closed");
    assertThat(interaction.path("providerStates").get(0).path("name").asText()).isEqualTo("account acc-7 exists");
    JsonNode metadata = interaction.path("metadata");
    assertThat(metadata.path("contentType").asText()).isEqualTo("application/json");
    assertThat(metadata.path("handshake.topic").asText()).isEqualTo("account-events");
    Schema written = new Schema.Parser().parse(metadata.path("handshake.readerSchema").asText());
    assertThat(written).isEqualTo(AccountClosed.getClassSchema());
    assertThat(metadata.path("handshake.readerFingerprint").asText())
        .matches("SHA-256:[0-9a-f]{64}")
        .isEqualTo(ContractMetadata.fingerprint(AccountClosed.getClassSchema()));
    assertThat(metadata.has("handshake.readerSubject")).isFalse();

    JsonNode contents = interaction.path("contents");
    assertThat(contents.path("contentType").asText()).isEqualTo("application/json");
    assertThat(contents.path("content").path("accountId").asText()).isEqualTo("acc-7");
    JsonNode rules = interaction.path("matchingRules").path("body");
    assertThat(rules.path("$.accountId").path("matchers").get(0).path("match").asText()).isEqualTo("type");
    assertThat(rules.path("$.plan").path("matchers").get(0).path("regex").asText()).isEqualTo("FREE|PRO");
    assertThat(rules.path("$.balanceCents").path("matchers").get(0).path("match").asText()).isEqualTo("integer");
  }

  @Test
  void theLambdaDslAndItsDateTimeMatcherWorkToo() {
    AvroMessageInteraction interaction = AvroMessageInteraction.expects("an account was closed")
        .onTopic("account-events")
        .readerSchema(AccountClosed.getClassSchema())
        .withBody(LambdaDsl.newJsonBody(o -> o
            .uuid("eventId", UUID.fromString(EVENT_ID))
            .stringType("accountId", "acc-7")
            .stringMatcher("reason", ".+", "moved away")
            .stringValue("plan", "FREE")
            .integerType("balanceCents", 0)
            .datetime("closedAt", "yyyy-MM-dd'T'HH:mm:ss.SSSX", ZonedDateTime.parse("2026-11-22T10:15:30.123Z")))
            .build());
    GenericRecord example = (GenericRecord) interaction.exampleRecord();
    assertThat(example.get("closedAt")).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z").toEpochMilli());
    assertThat(example.get("reason")).hasToString("moved away");

    V4Pact pact = interaction.addTo(new PactBuilder("c", "p", PactSpecVersion.V4)).toPact();
    V4Interaction.AsynchronousMessage message = (V4Interaction.AsynchronousMessage) pact.getInteractions().get(0);
    assertThat(message.getContents().getMatchingRules().rulesForCategory("body").getMatchingRules())
        .containsKeys("$.closedAt", "$.reason");
  }

  @Test
  void recordsTheRegisteredSubjectAndVersionWhenGiven() {
    V4Pact pact = accountClosed().registeredAs("dev.handshake.junit5.fixture.AccountClosed", 3)
        .addTo(new PactBuilder("c", "p", PactSpecVersion.V4)).toPact();
    V4Interaction.AsynchronousMessage message = (V4Interaction.AsynchronousMessage) pact.getInteractions().get(0);
    Map<String, Object> metadata = message.getContents().getMetadata();
    assertThat(metadata).containsEntry("handshake.readerSubject", "dev.handshake.junit5.fixture.AccountClosed")
        .containsEntry("handshake.readerVersion", "3");
  }

  @Test
  void aReaderSchemaEditedAfterTheContractWasWrittenIsDetected() throws Exception {
    V4Pact pact = accountClosed().addTo(new PactBuilder("c", "p", PactSpecVersion.V4)).toPact();
    V4Interaction.AsynchronousMessage message = (V4Interaction.AsynchronousMessage) pact.getInteractions().get(0);
    assertThat(ReceivedAvroMessage.from(message).readerSchema()).isEqualTo(AccountClosed.getClassSchema());

    String schema = (String) message.getContents().getMetadata().get(ContractMetadata.READER_SCHEMA);
    message.getContents().getMetadata().put(ContractMetadata.READER_SCHEMA, withFieldType(schema, "balanceCents", "int"));
    assertThatThrownBy(() -> ReceivedAvroMessage.from(message))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not match its handshake.readerFingerprint");
  }

  /** The schema, edited as parsed JSON, with {@code field}'s type changed to {@code type}. */
  private static String withFieldType(String schema, String field, String type) throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(schema);
    for (JsonNode each : root.get("fields")) {
      if (each.path("name").asText().equals(field)) {
        ((ObjectNode) each).put("type", type);
        return root.toString();
      }
    }
    throw new IllegalArgumentException("no field " + field + " in " + schema);
  }

  @Test
  void readsAReaderSchemaFromTheClasspath() {
    Schema schema = ReaderSchemas.fromClasspath("/avro/AccountClosed.avsc");
    assertThat(ContractMetadata.fingerprint(schema))
        .isEqualTo(ContractMetadata.fingerprint(AccountClosed.getClassSchema()));
  }

  @Test
  void aMissingSchemaResourceIsNamed() {
    assertThatThrownBy(() -> ReaderSchemas.fromClasspath("avro/Nope.avsc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"avro/Nope.avsc\" is not on the test classpath");
  }

  @Test
  void aBodyWithoutAFieldTheReaderRequiresFailsNamingTheField() {
    AvroMessageInteraction interaction = accountClosed().withBody(new PactDslJsonBody()
        .uuid("eventId", EVENT_ID)
        .stringType("accountId", "acc-7")
        .stringValue("plan", "PRO")
        .stringValue("closedAt", "2026-11-22T10:15:30.123Z"));
    assertThatThrownBy(() -> interaction.addTo(new PactBuilder("c", "p", PactSpecVersion.V4)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Interaction \"an account was closed\"")
        .hasMessageContaining("reader schema dev.handshake.junit5.fixture.AccountClosed")
        .hasMessageContaining("\"balanceCents\"");
  }

  @Test
  void aValueOfTheWrongTypeFailsNamingItsPath() {
    AvroMessageInteraction interaction = accountClosed().withBody(closedBody().stringType("balanceCents", "lots"));
    assertThatThrownBy(interaction::exampleRecord)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.balanceCents");
  }

  @Test
  void aSymbolTheReaderEnumLacksFails() {
    AvroMessageInteraction interaction = accountClosed().withBody(closedBody().stringValue("plan", "ENTERPRISE"));
    assertThatThrownBy(interaction::exampleRecord)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.plan")
        .hasMessageContaining("ENTERPRISE");
  }

  @Test
  void aFieldTheReaderDoesNotHaveFails() {
    AvroMessageInteraction interaction = accountClosed().withBody(closedBody().stringType("nickname", "x"));
    assertThatThrownBy(interaction::exampleRecord)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"nickname\"");
  }

  @Test
  void aMatcherWithoutAnExampleIsRejectedBecauseTheContractWouldChangeEveryRun() {
    AvroMessageInteraction interaction = accountClosed().withBody(new PactDslJsonBody()
        .uuid("eventId")
        .stringType("accountId", "acc-7")
        .stringValue("plan", "PRO")
        .integerType("balanceCents", 1L)
        .stringValue("closedAt", "2026-11-22T10:15:30.123Z"));
    assertThatThrownBy(interaction::exampleRecord)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("generated example values at [$.eventId]");
  }

  @Test
  void topicSchemaAndBodyAreRequired() {
    assertThatThrownBy(() -> AvroMessageInteraction.expects("e").readerSchema(AccountClosed.getClassSchema())
        .withBody(closedBody()).exampleRecord())
        .hasMessageContaining("no topic");
    assertThatThrownBy(() -> AvroMessageInteraction.expects("e").onTopic("t").withBody(closedBody()).exampleRecord())
        .hasMessageContaining("no reader schema");
    assertThatThrownBy(() -> AvroMessageInteraction.expects("e").onTopic("t")
        .readerSchema(AccountClosed.getClassSchema()).exampleRecord())
        .hasMessageContaining("no body");
    assertThatThrownBy(() -> AvroMessageInteraction.expects(" "))
        .hasMessageContaining("description is empty");
  }

  @Test
  void theFingerprintIgnoresDocsButNotStructure() {
    Schema plain = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    Schema documented = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"A\",\"doc\":\"hi\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"doc\":\"d\"}]}");
    Schema changed = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}");
    assertThat(ContractMetadata.fingerprint(documented)).isEqualTo(ContractMetadata.fingerprint(plain));
    assertThat(ContractMetadata.fingerprint(changed)).isNotEqualTo(ContractMetadata.fingerprint(plain));
  }
}
