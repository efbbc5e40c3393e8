package dev.handshake.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.contract.ReadContracts;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.Severity;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** One fixture folder per gate rule under src/test/resources/gate/<RULE>/, and one test each. */
class ProducerGateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DESCRIPTION = "a user was deleted";

  private static Path fixture(String name) {
    try {
      return Path.of(ProducerGateTest.class.getResource("/gate/" + name + "/contract.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The producer's event as the factory returns it: the fixture's event.json read with the writer schema. */
  private static EventFactory recordFactory(Path dir, Schema writer) {
    return new EventFactory() {
      @Override
      public String source() {
        return "Fixtures.userDeleted()";
      }

      @Override
      public Object create() throws Exception {
        return AvroJsonView.fromJson(JSON.readTree(dir.resolve("event.json").toFile()), writer);
      }
    };
  }

  /** The whole record: the fixture's event with a key and headers, as a factory returning ProducedRecord gives it. */
  private static GateReport runWithWholeRecord(String name, Object key, String... headers) {
    Path dir = fixture(name);
    Schema writer = WriterSchemas.load(dir.resolve("schemas"), dir).byFullName("dev.handshake.example.user.UserDeleted")
        .orElseThrow().schema();
    EventFactory value = recordFactory(dir, writer);
    return run(name, Optional.of(new EventFactory() {
      @Override
      public String source() {
        return "Fixtures.userDeletedRecord()";
      }

      @Override
      public Object create() throws Exception {
        ProducedRecord record = ProducedRecord.of(key, value.create());
        for (int i = 0; i < headers.length; i += 2) {
          record = record.withHeader(headers[i], headers[i + 1]);
        }
        return record;
      }
    }));
  }

  private static final String EVENT_ID = "3f0c1d9e-5a51-4c7e-9f55-1b1f7c3f0a42";

  private static GateReport run(String name, Optional<EventFactory> factory) {
    Path dir = fixture(name);
    WriterSchemas writers = WriterSchemas.load(dir.resolve("schemas"), dir);
    return new ProducerGate().verify(
        List.of(new ContractSource(dir.resolve("contract.json"), "contracts/auth-service-user-service.json")),
        "user-service", description -> description.equals(DESCRIPTION) ? factory : Optional.empty(), writers);
  }

  private static GateReport runWithRecord(String name) {
    Path dir = fixture(name);
    Schema writer = WriterSchemas.load(dir.resolve("schemas"), dir).byFullName("dev.handshake.example.user.UserDeleted")
        .orElseThrow().schema();
    return run(name, Optional.of(recordFactory(dir, writer)));
  }

  private static List<String> rules(GateReport report) {
    return report.findings().stream().map(f -> f.rule().name()).toList();
  }

  private static Finding only(GateReport report, String rule) {
    List<Finding> matching = report.findings().stream().filter(f -> f.rule().name().equals(rule)).toList();
    assertThat(matching).as("findings %s", rules(report)).hasSize(1);
    return matching.get(0);
  }

  @Test
  void passesWhenTheEventDecodesAndMatches() {
    GateReport report = runWithRecord("PASSING");

    assertThat(report.findings()).isEmpty();
    assertThat(report.interactions()).isEqualTo(1);
    assertThat(report.contracts()).isEqualTo(1);
  }

  @Test
  void consumerCannotDecode() {
    GateReport report = runWithRecord("CONSUMER_CANNOT_DECODE");

    Finding finding = only(report, "CONSUMER_CANNOT_DECODE");
    assertThat(finding.message()).contains("auth-service", DESCRIPTION, "(field UserDeleted.email)",
        "requires field \"email\" (it has no default there), and the event written with the producer's schema "
            + "does not contain it").doesNotContain("Found ", "expecting");
    assertThat(finding.details().get("avro")).contains("missing required field email");
    assertThat(finding.details()).containsEntry("consumer", "auth-service")
        .containsEntry("interaction", DESCRIPTION).containsEntry("path", "UserDeleted.email");
    Finding removed = only(report, "FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(removed.message()).contains("\"email\"", "consumer \"auth-service\"", "the producer's schema");
    assertThat(removed.location().file()).isEqualTo("schemas/UserDeleted.avsc");
    assertThat(removed.location().line()).isGreaterThan(1);
    assertThat(rules(report)).containsExactly("FIELD_REMOVED_WITHOUT_DEFAULT", "CONSUMER_CANNOT_DECODE");
  }

  @Test
  void contractValueMismatch() {
    GateReport report = runWithRecord("CONTRACT_VALUE_MISMATCH");

    Finding finding = only(report, "CONTRACT_VALUE_MISMATCH");
    assertThat(finding.details()).containsEntry("path", "$.userId").containsEntry("expected", "\"42\"")
        .containsEntry("actual", "\"43\"");
    assertThat(finding.location().file()).isEqualTo("contracts/auth-service-user-service.json");
    assertThat(finding.location().line()).isEqualTo(12);
    assertThat(finding.location().jsonPointer()).isEqualTo("/interactions/0/contents/content/userId");
    assertThat(rules(report)).containsExactly("CONTRACT_VALUE_MISMATCH");
  }

  @Test
  void contractTypeMismatch() {
    GateReport report = runWithRecord("CONTRACT_TYPE_MISMATCH");

    Finding finding = only(report, "CONTRACT_TYPE_MISMATCH");
    assertThat(finding.details()).containsEntry("path", "$.nickname").containsEntry("actual", "null");
    assertThat(finding.message()).contains("to be the same type as \"ada\"");
    assertThat(rules(report)).containsExactly("CONTRACT_TYPE_MISMATCH");
  }

  @Test
  void contractFieldMissing() {
    GateReport report = runWithRecord("CONTRACT_FIELD_MISSING");

    Finding finding = only(report, "CONTRACT_FIELD_MISSING");
    assertThat(finding.details()).containsEntry("path", "$.attributes.tier");
    assertThat(rules(report)).containsExactly("CONTRACT_FIELD_MISSING");
  }

  @Test
  void passesWhenTheKeyAndHeadersMatch() {
    GateReport report = runWithWholeRecord("KEY_AND_HEADERS", "42", "id", EVENT_ID, "type", "UserDeleted",
        "position", "17");

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void contractKeyMismatch() {
    GateReport report = runWithWholeRecord("CONTRACT_KEY_MISMATCH", "user-42", "id", EVENT_ID, "type",
        "UserDeleted");

    Finding finding = only(report, "CONTRACT_KEY_MISMATCH");
    assertThat(finding.message()).contains("auth-service", "expected key to match regex \"[0-9]+\"",
        "\"user-42\"", "Fixtures.userDeletedRecord()");
    assertThat(finding.details()).containsEntry("expected", "regex \"[0-9]+\"").containsEntry("actual", "\"user-42\"")
        .containsEntry("path", "key");
    assertThat(finding.location().jsonPointer()).isEqualTo("/interactions/0/metadata/handshake.key");
    assertThat(finding.location().line()).isEqualTo(73);
    assertThat(rules(report)).containsExactly("CONTRACT_KEY_MISMATCH");
  }

  @Test
  void aFactoryThatReturnsOnlyTheValueCannotMeetAKeyOrHeaderExpectation() {
    GateReport report = runWithRecord("CONTRACT_KEY_MISMATCH");

    assertThat(rules(report)).containsExactly("CONTRACT_KEY_MISMATCH", "CONTRACT_HEADER_MISSING",
        "CONTRACT_HEADER_MISSING");
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).contains("returned only the value"));
    assertThat(report.findings().get(0).fix()).contains("ProducedRecord");
  }

  @Test
  void keyCannotDecode() {
    GateReport report = runWithWholeRecord("KEY_CANNOT_DECODE", "42");

    Finding finding = only(report, "KEY_CANNOT_DECODE");
    assertThat(finding.message()).contains("reads the record key as long", "2 byte(s): 0x3432",
        "a long key is exactly 8");
    assertThat(finding.fix()).contains("LongSerializer");
    assertThat(finding.details()).containsEntry("keyFormat", "long").containsEntry("keyBytes", "3432");
    assertThat(rules(report)).containsExactly("KEY_CANNOT_DECODE");
    assertThat(runWithWholeRecord("KEY_CANNOT_DECODE", 42L).findings()).as("a Long key as LongSerializer writes it")
        .isEmpty();
  }

  @Test
  void contractHeaderMissing() {
    GateReport report = runWithWholeRecord("CONTRACT_HEADER_MISSING", "42", "id", EVENT_ID);

    Finding finding = only(report, "CONTRACT_HEADER_MISSING");
    assertThat(finding.message()).contains("expected header \"type\" (like \"UserDeleted\")", "had only [id]");
    assertThat(finding.details()).containsEntry("header", "type").containsEntry("path", "header type");
    assertThat(finding.location().jsonPointer()).isEqualTo("/interactions/0/metadata/handshake.header.type");
    assertThat(rules(report)).containsExactly("CONTRACT_HEADER_MISSING");
  }

  @Test
  void contractHeaderMismatch() {
    GateReport report = runWithWholeRecord("CONTRACT_HEADER_MISMATCH", "42", "id", "event-1", "type", "UserDeleted");

    Finding finding = only(report, "CONTRACT_HEADER_MISMATCH");
    assertThat(finding.message()).contains("expected header id to match regex", "\"event-1\"");
    assertThat(finding.details()).containsEntry("actual", "\"event-1\"").containsEntry("path", "header id");
    assertThat(finding.location().jsonPointer()).isEqualTo("/interactions/0/metadata/handshake.header.id");
    assertThat(rules(report)).containsExactly("CONTRACT_HEADER_MISMATCH");
  }

  @Test
  void contractInvalid() {
    GateReport report = runWithRecord("CONTRACT_INVALID");

    Finding finding = only(report, "CONTRACT_INVALID");
    assertThat(finding.location().file()).isEqualTo("contracts/auth-service-user-service.json");
    assertThat(finding.location().line()).isEqualTo(18);
    assertThat(finding.message()).contains("malformed JSON");
    assertThat(rules(report)).containsExactly("CONTRACT_INVALID");
  }

  @Test
  void readerSchemaInvalid() {
    GateReport report = runWithRecord("READER_SCHEMA_INVALID");

    Finding finding = only(report, "READER_SCHEMA_INVALID");
    assertThat(finding.message()).contains("strng");
    assertThat(finding.location().jsonPointer()).isEqualTo("/interactions/0/metadata/handshake.readerSchema");
    assertThat(rules(report)).containsExactly("READER_SCHEMA_INVALID");
  }

  @Test
  void readerSchemaEdited() {
    GateReport report = runWithRecord("READER_SCHEMA_EDITED");

    assertThat(rules(report)).containsExactly("READER_SCHEMA_EDITED");
    Finding finding = report.findings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.location().jsonPointer()).isEqualTo("/interactions/0/metadata/handshake.readerFingerprint");
    assertThat(finding.details()).containsEntry("expected",
        "SHA-256:448e5499f6801aeb14dcd8b7fe56e24155f0b81b07d2212daf2f933862787880");
    assertThat(finding.message()).contains("does not match its fingerprint", "auth-service");
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void factoryMissing() {
    GateReport report = run("FACTORY_MISSING", Optional.empty());

    Finding finding = only(report, "FACTORY_MISSING");
    assertThat(finding.message()).contains("@PactVerifyProvider(\"a user was deleted\")");
    assertThat(finding.location().line()).isEqualTo(6);
    assertThat(rules(report)).containsExactly("FACTORY_MISSING");
  }

  @Test
  void factoryFailed() {
    EventFactory throwing = new EventFactory() {
      @Override
      public String source() {
        return "Fixtures.userDeleted()";
      }

      @Override
      public Object create() {
        throw new IllegalStateException("no user 42 in the test database");
      }
    };

    GateReport report = run("FACTORY_FAILED", Optional.of(throwing));

    Finding finding = only(report, "FACTORY_FAILED");
    assertThat(finding.message()).contains("Fixtures.userDeleted()", "IllegalStateException",
        "no user 42 in the test database");
    assertThat(rules(report)).containsExactly("FACTORY_FAILED");
  }

  /** The fixture's event as a factory for {@code description} returns it: a record sent to {@code topic}. */
  private static PactVerifyProviderFactories.Named onTopic(String name, String description, String topic) {
    Path dir = fixture(name);
    EventFactory value = recordFactory(dir, WriterSchemas.load(dir.resolve("schemas"), dir)
        .byFullName("dev.handshake.example.user.UserDeleted").orElseThrow().schema());
    return new PactVerifyProviderFactories.Named(description, new EventFactory() {
      @Override
      public String source() {
        return "Fixtures.userDeleted(" + topic + ")";
      }

      @Override
      public Object create() throws Exception {
        return new ProducedRecord(topic, null, value.create(), List.of());
      }
    });
  }

  /** The fixture's contract against factories of {@link #DESCRIPTION}, one per topic (null: naming none). */
  private static GateReport runOnTopics(String name, String... topics) {
    List<PactVerifyProviderFactories.Named> factories = new ArrayList<>();
    for (String topic : topics) {
      factories.add(onTopic(name, DESCRIPTION, topic));
    }
    return runWith(name, factories);
  }

  private static GateReport runWith(String name, List<PactVerifyProviderFactories.Named> factories) {
    Path dir = fixture(name);
    return new ProducerGate().verify(ReadContracts.read(List.of(new ContractSource(dir.resolve("contract.json"),
        "contracts/auth-service-user-service.json")), "user-service"), PactVerifyProviderFactories.of(factories),
        WriterSchemas.load(dir.resolve("schemas"), dir));
  }

  @Test
  void topicNotPublished() {
    GateReport report = runOnTopics("TOPIC_NOT_PUBLISHED", "user-events.v2", "user-events.v3");

    Finding finding = only(report, "TOPIC_NOT_PUBLISHED");
    assertThat(finding.message()).isEqualTo("Interaction \"a user was deleted\" of consumer \"auth-service\" read "
        + "topic \"user-events\", which no event factory of the producer published: its factories' records were "
        + "sent to \"user-events.v2\", \"user-events.v3\".");
    assertThat(finding.fix()).contains("handshake can-i-retire");
    assertThat(finding.location().line()).isEqualTo(53);
    assertThat(finding.location().jsonPointer()).isEqualTo("/interactions/0/metadata/handshake.topic");
    assertThat(finding.details()).containsEntry("consumer", "auth-service").containsEntry("topic", "user-events")
        .containsEntry("published", "\"user-events.v2\", \"user-events.v3\"");
    assertThat(rules(report)).containsExactly("TOPIC_NOT_PUBLISHED");
  }

  @Test
  void theFactoryOnTheInteractionsTopicIsChosenAmongThoseOfItsDescription() {
    GateReport report = runOnTopics("PASSING", "user-events.v2", "user-events");

    assertThat(report.findings()).isEmpty();
    assertThat(report.interactions()).isEqualTo(1);
  }

  @Test
  void aRecordNamingNoTopicMatchesAnInteractionOnAnyTopic() {
    assertThat(runOnTopics("PASSING", (String) null).findings()).isEmpty();
  }

  @Test
  void aDescriptionBuiltOnlyOnAnotherTopicIsAMissingFactoryNamingWhereItIsBuilt() {
    GateReport report = runWith("PASSING", List.of(onTopic("PASSING", DESCRIPTION, "user-events.v2"),
        onTopic("PASSING", "a user was created", "user-events")));

    Finding finding = only(report, "FACTORY_MISSING");
    assertThat(finding.message()).isEqualTo("No event factory builds \"a user was deleted\" on topic \"user-events\" "
        + "for consumer \"auth-service\" (contract contracts/auth-service-user-service.json, interaction \"a user was "
        + "deleted\"): the @PactVerifyProvider(\"a user was deleted\") methods build it on other topics: "
        + "Fixtures.userDeleted(user-events.v2) (topic \"user-events.v2\").");
  }

  @Test
  void twoFactoriesOfOneDescriptionOnOneTopicAreAnAmbiguityNamingBoth() {
    PactVerifyProviderFactories factories = PactVerifyProviderFactories.of(List.of(
        onTopic("PASSING", DESCRIPTION, "user-events"), onTopic("PASSING", DESCRIPTION, "user-events.v2"),
        onTopic("PASSING", DESCRIPTION, "user-events")));

    assertThat(factories.ambiguities()).containsExactly("@PactVerifyProvider(\"a user was deleted\") on topic "
        + "\"user-events\" is built by Fixtures.userDeleted(user-events) and Fixtures.userDeleted(user-events)");
    assertThat(factories.publishedTopics()).containsExactly("user-events", "user-events.v2");
  }

  @Test
  void writerSchemaMissing() throws Exception {
    Path dir = fixture("WRITER_SCHEMA_MISSING");
    Schema writer = new Schema.Parser().parse(dir.resolve("event-writer.avsc").toFile());
    Object record = AvroJsonView.fromJson(JSON.readTree(dir.resolve("event.json").toFile()), writer);
    byte[] bytes = WireFormat.encode(12, writer, record);
    EventFactory bytesFactory = new EventFactory() {
      @Override
      public String source() {
        return "Fixtures.serializedUserDeleted()";
      }

      @Override
      public Object create() {
        return bytes;
      }
    };

    GateReport report = run("WRITER_SCHEMA_MISSING", Optional.of(bytesFactory));

    Finding finding = only(report, "WRITER_SCHEMA_MISSING");
    assertThat(finding.message()).contains("dev.handshake.example.user.UserDeleted");
    assertThat(rules(report)).containsExactly("WRITER_SCHEMA_MISSING");
  }

  @Test
  void writerSchemaDrift() throws Exception {
    Path dir = fixture("WRITER_SCHEMA_DRIFT");
    // the factory's record class was generated before the file gained "reason"
    Schema stale = new Schema.Parser().parse(dir.resolve("factory-schema.avsc").toFile());

    GateReport report = run("WRITER_SCHEMA_DRIFT", Optional.of(recordFactory(dir, stale)));

    assertThat(rules(report)).containsExactly("WRITER_SCHEMA_DRIFT");
    Finding finding = report.findings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(report.hasErrors()).isFalse();
    assertThat(finding.location().file()).isEqualTo("schemas/UserDeleted.avsc");
    assertThat(finding.location().line()).isEqualTo(1);
    assertThat(finding.message()).contains("The record \"dev.handshake.example.user.UserDeleted\" the factory "
        + "Fixtures.userDeleted() built", "has another schema than schemas/UserDeleted.avsc",
        "the record's fields are [eventId, userId, email, version, occurredAt], the file's [eventId, userId, email, "
            + "version, reason, occurredAt]");
    assertThat(finding.details()).containsEntry("schemaFile", "schemas/UserDeleted.avsc")
        .containsEntry("factory", "Fixtures.userDeleted()");
  }

  @Test
  void theSchemaFileTheFactorysRecordUsesGivesNoDriftWarning() {
    assertThat(runWithRecord("WRITER_SCHEMA_DRIFT").findings()).isEmpty();
  }

  @Test
  void decodesBytesWithTheProducersSchemaFile() throws Exception {
    Path dir = fixture("PASSING");
    Schema writer = WriterSchemas.load(dir.resolve("schemas"), dir).byFullName("dev.handshake.example.user.UserDeleted")
        .orElseThrow().schema();
    byte[] bytes = WireFormat.encode(12, writer,
        AvroJsonView.fromJson(JSON.readTree(dir.resolve("event.json").toFile()), writer));

    GateReport report = run("PASSING", Optional.of(new EventFactory() {
      @Override
      public String source() {
        return "Fixtures.serialized()";
      }

      @Override
      public Object create() {
        return bytes;
      }
    }));

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void reportsAPendingInteractionsFindingsAsWarnings(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path dir = fixture("CONTRACT_VALUE_MISMATCH");
    Path contract = tmp.resolve("contract.json");
    Files.writeString(contract, Files.readString(dir.resolve("contract.json"))
        .replace("\"pending\": false", "\"pending\": true"));
    Schema writer = WriterSchemas.load(dir.resolve("schemas"), dir)
        .byFullName("dev.handshake.example.user.UserDeleted").orElseThrow().schema();

    GateReport report = new ProducerGate().verify(List.of(new ContractSource(contract, "c.json")), null,
        d -> Optional.of(recordFactory(dir, writer)), WriterSchemas.load(dir.resolve("schemas"), dir));

    Finding finding = only(report, "CONTRACT_VALUE_MISMATCH");
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.message()).startsWith("(pending interaction)");
    assertThat(rules(report)).containsExactly("CONTRACT_VALUE_MISMATCH");
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void skipsContractsForOtherProviders() {
    Path dir = fixture("PASSING");
    GateReport report = new ProducerGate().verify(
        List.of(new ContractSource(dir.resolve("contract.json"), "c.json")), "billing-service",
        d -> Optional.empty(), WriterSchemas.none());

    assertThat(report.skippedContracts()).isEqualTo(1);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void writesTextJsonJUnitAndGitHubReports(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
    GateReport report = runWithRecord("CONSUMER_CANNOT_DECODE");

    GateReportFiles.write(report, out);

    var json = JSON.readTree(out.resolve(GateReportFiles.JSON).toFile());
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isEqualTo(2);
    assertThat(json.get("findings").get(0).get("consumer").asText()).isEqualTo("auth-service");
    String xml = Files.readString(out.resolve(GateReportFiles.JUNIT));
    assertThat(xml).contains("<testsuite name=\"handshake-verify\" tests=\"1\" failures=\"1\"",
        "type=\"CONSUMER_CANNOT_DECODE\"", "type=\"FIELD_REMOVED_WITHOUT_DEFAULT\"");
    var junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(out.resolve(GateReportFiles.JUNIT).toFile());
    var testcase = (org.w3c.dom.Element) junit.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("classname")).isEqualTo("auth-service");
    assertThat(Double.parseDouble(testcase.getAttribute("time"))).isPositive(); // measured, not a constant 0
    assertThat(Files.readString(out.resolve(GateReportFiles.TEXT)))
        .contains("schemas/UserDeleted.avsc:", "[FIELD_REMOVED_WITHOUT_DEFAULT]", "2 error(s)");
    assertThat(Files.readAllLines(out.resolve(GateReportFiles.GITHUB)))
        .hasSize(2).allSatisfy(line -> assertThat(line).startsWith("::error file="))
        .anySatisfy(line -> assertThat(line).contains("title=CONSUMER_CANNOT_DECODE::"));
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }
}
