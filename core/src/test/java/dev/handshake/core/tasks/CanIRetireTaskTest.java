package dev.handshake.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.tasks.CanIRetireOutcome.InteractionRead;
import dev.handshake.core.tasks.CanIRetireOutcome.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * can-i-retire for user-service's topic user-events: prod records auth-service 1.4.0, whose contract reads
 * user-events; staging records auth-service 1.5.0, which reads user-events.v2 only; qa adds a billing-service
 * whose contracts are not where its record says; broken.json does not parse.
 */
class CanIRetireTaskTest {
  private static final Path FIXTURE = Path.of("src/test/resources/can-i-retire").toAbsolutePath();

  @TempDir
  Path tmp;

  private final List<String> lines = new ArrayList<>();

  private CanIRetireOutcome canIRetire(String producer, String topic, String environment) {
    CanIRetireConfiguration config = new CanIRetireConfiguration(producer, "--producer", topic, environment,
        new EnvironmentFiles(FIXTURE.resolve("environments")), (coordinates, why) -> Optional.empty(), FIXTURE,
        tmp.resolve("unpacked"), tmp.resolve("report"));
    return new CanIRetireTask(config, TaskLog.of(lines::add, lines::add, lines::add)).run();
  }

  @Test
  void noWhileAConsumerVersionRecordedThereReadsTheTopic() {
    CanIRetireOutcome outcome = canIRetire("user-service", "user-events", "prod");

    assertThat(outcome.verdict()).isEqualTo(Verdict.NO);
    assertThat(outcome.summary()).isEqualTo("can-i-retire: no, 1 consumer version(s) recorded in prod "
        + "(environments/prod.json) still read topic \"user-events\" of user-service: auth-service 1.4.0.");
    assertThat(lines.get(0)).isEqualTo(outcome.summary());
    assertThat(outcome.readers()).singleElement().satisfies(reader -> {
      assertThat(reader.consumer()).isEqualTo("auth-service");
      assertThat(reader.version()).isEqualTo("1.4.0");
      assertThat(reader.interactions()).extracting(InteractionRead::description)
          .containsExactly("a user was created", "a user was deleted", "a user was updated");
      assertThat(reader.interactions()).extracting(InteractionRead::contract)
          .containsOnly("auth-1.4.0/auth-service-user-service.json");
    });
    InteractionRead created = outcome.readers().get(0).interactions().get(0);
    assertThat(created.fields()).contains("$.userId (asserts)", "$.email (asserts)");
    assertThat(lines).contains("  auth-service 1.4.0 reads \"user-events\":");
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .startsWith("    interaction \"a user was created\" (auth-1.4.0/auth-service-user-service.json) reads ")
        .contains("$.email (asserts)"));
    assertThat(outcome.unknowns()).isEmpty();
  }

  @Test
  void yesWhenTheConsumerVersionsRecordedThereReadOnlyOtherTopics() {
    CanIRetireOutcome outcome = canIRetire("user-service", "user-events", "staging");

    assertThat(outcome.verdict()).isEqualTo(Verdict.YES);
    assertThat(outcome.readers()).isEmpty();
    assertThat(outcome.summary()).isEqualTo("can-i-retire: yes, no consumer version recorded in staging "
        + "(environments/staging.json) reads topic \"user-events\" of user-service.");
    assertThat(lines).containsExactly(outcome.summary(),
        "  auth-service 1.5.0 reads \"user-events.v2\" of user-service, not \"user-events\"");
  }

  @Test
  void theNewTopicIsStillReadWhereTheOldIsNot() {
    CanIRetireOutcome outcome = canIRetire("user-service", "user-events.v2", "staging");

    assertThat(outcome.verdict()).isEqualTo(Verdict.NO);
    assertThat(outcome.readers()).extracting(CanIRetireOutcome.TopicReader::version).containsExactly("1.5.0");
  }

  @Test
  void unknownWhenARecordedVersionsContractsCannotBeFound() {
    CanIRetireOutcome outcome = canIRetire("user-service", "user-events", "qa");

    assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(outcome.unknowns()).containsExactly("billing-service 3.0.0: contracts path billing-3.0.0 does not "
        + "exist");
    assertThat(outcome.summary()).isEqualTo("can-i-retire: unknown, whether a consumer version recorded in qa "
        + "(environments/qa.json) reads topic \"user-events\" of user-service cannot be told: 1 thing(s) could "
        + "not be read.");
    assertThat(lines).contains("  unknown: billing-service 3.0.0: contracts path billing-3.0.0 does not exist");
  }

  @Test
  void unknownWhenTheEnvironmentFileCannotBeRead() {
    CanIRetireOutcome outcome = canIRetire("user-service", "user-events", "broken");

    assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(outcome.unknowns()).singleElement().asString()
        .startsWith("the environment file environments/broken.json cannot be read: ");
  }

  @Test
  void unknownWhenAContractCannotBeReadOrStatesNoTopic() throws Exception {
    Path environments = tmp.resolve("environments");
    Path contracts = tmp.resolve("contracts");
    Files.createDirectories(environments);
    Files.createDirectories(contracts);
    String contract = Files.readString(FIXTURE.resolve("auth-1.4.0/auth-service-user-service.json"));
    Files.writeString(contracts.resolve("no-topic.json"),
        contract.replace("\"handshake.topic\": \"user-events\"", "\"handshake.topic\": \"\""));
    Files.writeString(contracts.resolve("torn.json"), contract.substring(0, 200));
    Files.writeString(environments.resolve("prod.json"), """
        {"formatVersion": 1, "environment": "prod", "services": {"auth-service": {"versions": [
          {"version": "1.3.0", "contractsPath": "../contracts"}]}}}
        """);
    CanIRetireConfiguration config = new CanIRetireConfiguration("user-service", "--producer", "user-events",
        "prod", new EnvironmentFiles(environments), (coordinates, why) -> Optional.empty(), tmp,
        tmp.resolve("unpacked"), tmp.resolve("report"));

    CanIRetireOutcome outcome = new CanIRetireTask(config, TaskLog.silent()).run();

    assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(outcome.unknowns()).hasSize(4);
    assertThat(outcome.unknowns().get(0)).isEqualTo("auth-service 1.3.0: interaction \"a user was created\" of "
        + "contracts/no-topic.json states no topic (handshake.topic), so whether it reads \"user-events\" cannot "
        + "be told; regenerate the contract with .onTopic(...)");
    assertThat(outcome.unknowns().get(3)).startsWith("auth-service 1.3.0: the contract contracts/torn.json cannot "
        + "be read: ");
  }

  @Test
  void eachAnswerIsAlsoCanIRetireJsonForTools() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    CanIRetireOutcome no = canIRetire("user-service", "user-events", "prod");
    JsonNode noJson = mapper.readTree(no.report().toFile());
    assertThat(no.report()).isEqualTo(tmp.resolve("report").resolve("can-i-retire.json"));
    assertThat(noJson.path("verdict").asText()).isEqualTo("no");
    assertThat(noJson.path("retirable").asBoolean()).isFalse();
    assertThat(noJson.path("producer").asText()).isEqualTo("user-service");
    assertThat(noJson.path("topic").asText()).isEqualTo("user-events");
    assertThat(noJson.path("environment").asText()).isEqualTo("prod");
    assertThat(noJson.path("summary").asText()).isEqualTo(no.summary());
    JsonNode reader = noJson.path("readers").get(0);
    assertThat(reader.path("consumer").asText() + " " + reader.path("version").asText())
        .isEqualTo("auth-service 1.4.0");
    assertThat(reader.path("interactions").get(0).path("description").asText()).isEqualTo("a user was created");
    assertThat(reader.path("interactions").get(0).path("fields").toString()).contains("$.email (asserts)");

    JsonNode yes = mapper.readTree(canIRetire("user-service", "user-events", "staging").report().toFile());
    assertThat(yes.path("verdict").asText()).isEqualTo("yes");
    assertThat(yes.path("retirable").asBoolean()).isTrue();
    assertThat(yes.path("readers")).isEmpty();

    CanIRetireOutcome unknown = canIRetire("user-service", "user-events", "qa");
    JsonNode unknownJson = mapper.readTree(unknown.report().toFile());
    assertThat(unknownJson.path("verdict").asText()).isEqualTo("unknown");
    assertThat(unknownJson.path("retirable").asBoolean()).isFalse();
    assertThat(unknownJson.path("unknowns")).hasSize(unknown.unknowns().size()).isNotEmpty();
  }

  @Test
  void anUnknownEnvironmentIsBadInputWithTheClosestName() {
    assertThatThrownBy(() -> canIRetire("user-service", "user-events", "prd"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("there is no environment \"prd\"")
        .hasMessageContaining("(environments there: [broken, prod, qa, staging]). Did you mean \"prod\"?");
  }

  @Test
  void anUnknownProducerIsBadInputWithTheClosestName() {
    assertThatThrownBy(() -> canIRetire("user-servce", "user-events", "prod"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("records a service named \"user-servce\" (--producer) and no contract recorded in "
            + "prod names it as provider")
        .hasMessageContaining("Did you mean \"user-service\"?");
  }

  @Test
  void aBlankTopicIsBadInput() {
    assertThatThrownBy(() -> canIRetire("user-service", " ", "prod"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("can-i-retire needs the topic to retire (--topic, <topic>, -Dhandshake.topic); it was blank.");
  }
}
