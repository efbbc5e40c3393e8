package dev.handshake.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.history.LocalSchemaRegistry;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.tasks.Counterpart.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * can-i-deploy for a consumer (auth-service, whose contract reads UserDeleted.email) against the user-service
 * versions released in prod: 1.9.0 writes email, 2.0.0 removed it, 2.1.0's schemas are not there. The producer
 * side, which runs the factories, is tested by the CLI's and the goal's builds.
 */
class CanIDeployTaskTest {
  private static final Path FIXTURE = Path.of("src/test/resources/can-i-deploy/consumer").toAbsolutePath();

  @TempDir
  Path tmp;

  private final List<String> lines = new ArrayList<>();

  private CanIDeployOutcome canIDeploy(String service, String environment, boolean ignoreUnknown) {
    return canIDeploy(service, environment, ignoreUnknown, FIXTURE.resolve("environments"));
  }

  private CanIDeployOutcome canIDeploy(String service, String environment, boolean ignoreUnknown,
                                       Path environments) {
    return canIDeploy(service, environment, ignoreUnknown, environments, Optional.empty());
  }

  private CanIDeployOutcome canIDeploy(String service, String environment, boolean ignoreUnknown,
                                       Path environments, Optional<SchemaRegistry> registry) {
    VerifyConfiguration gate = new VerifyConfiguration(FIXTURE, List.of(), List.of(), "", Optional.ofNullable(service),
        Path.of("schemas"), "--schemas", List.of(), List.of(), Duration.ofSeconds(60), tmp, tmp,
        RepositoryPaths.of(FIXTURE, FIXTURE, FIXTURE), RuleDocs.DEFAULT, false,
        VerifyConfiguration.NoContracts.ALLOWED);
    CanIDeployConfiguration config = new CanIDeployConfiguration(service, service == null ? "" : "--service", "1.6.0", environment,
        new EnvironmentFiles(environments), (coordinates, why) -> Optional.empty(), gate,
        List.of(Path.of("contracts")), registry, Map.of(), ignoreUnknown);
    return new CanIDeployTask(config, TaskLog.of(lines::add, lines::add, lines::add)).run();
  }

  @Test
  void aConsumerGetsYesNoAndUnknownPerProducerVersion() throws Exception {
    CanIDeployOutcome outcome = canIDeploy("auth-service", "prod", false);

    assertThat(outcome.counterparts()).extracting(c -> c.name() + " " + c.version() + " " + c.verdict())
        .containsExactly("user-service 1.9.0 YES", "user-service 2.0.0 NO", "user-service 2.1.0 UNKNOWN");
    assertThat(outcome.counterparts().get(1).findings()).extracting(f -> f.rule().name())
        .containsExactly("FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(outcome.counterparts().get(1).findings().get(0).location().file())
        .isEqualTo("user-service-2.0.0/UserDeleted.avsc");
    assertThat(outcome.counterparts().get(2).detail()).isEqualTo("schemas path ../user-service-2.1.0 does not exist");
    assertThat(outcome.deployable()).isFalse();
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "user-service +2\\.0\\.0 +producer +no +1 interaction\\(s\\), 1 error\\(s\\): FIELD_REMOVED_WITHOUT_DEFAULT"));
    assertThat(lines.get(lines.size() - 1)).startsWith("can-i-deploy: no, auth-service 1.6.0 to prod: a counterpart "
        + "cannot work with it");

    JsonNode report = new ObjectMapper().readTree(tmp.resolve("can-i-deploy.json").toFile());
    assertThat(report.get("deployable").asBoolean()).isFalse();
    assertThat(report.get("counterparts").findValuesAsText("verdict")).containsExactly("yes", "no", "unknown");
  }

  @Test
  void unknownsCountAsNoUnlessIgnored() throws Exception {
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Files.writeString(environments.resolve("staging.json"), """
        {
          "formatVersion": 1,
          "environment": "staging",
          "services": {
            "user-service": {
              "versions": [
                {
                  "version": "2.2.0",
                  "schemasPath": "../user-service-2.2.0"
                },
                {
                  "version": "2.3.0",
                  "subjects": ["user-events-value"]
                }
              ]
            }
          }
        }
        """);

    CanIDeployOutcome strict = canIDeploy("auth-service", "staging", false, environments);
    assertThat(strict.deployable()).isFalse();
    assertThat(strict.counterparts()).extracting(Counterpart::detail).containsExactly(
        "schemas path ../user-service-2.2.0 does not exist", "subjects recorded but no registry configured");
    CanIDeployOutcome ignoring = canIDeploy("auth-service", "staging", true, environments);
    assertThat(ignoring.counterparts()).extracting(Counterpart::verdict).containsOnly(Verdict.UNKNOWN);
    assertThat(ignoring.deployable()).isTrue();
    assertThat(ignoring.summary()).contains("(unknowns ignored)");
  }

  @Test
  void aProducerRecordedBySubjectsIsReadFromTheRegistrysLatestVersion() throws Exception {
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Files.writeString(environments.resolve("prod.json"), """
        {
          "formatVersion": 1,
          "environment": "prod",
          "services": {
            "user-service": {
              "versions": [
                {
                  "version": "2.0.0",
                  "subjects": ["dev.handshake.example.user.UserDeleted"]
                }
              ]
            }
          }
        }
        """);
    // the offline registry's history: v1 has email, v2 (the latest) removed it
    SchemaRegistry registry = new LocalSchemaRegistry(FIXTURE.resolve("registry"), "registry");

    CanIDeployOutcome outcome = canIDeploy("auth-service", "prod", false, environments, Optional.of(registry));

    assertThat(outcome.counterparts()).extracting(c -> c.name() + " " + c.version() + " " + c.verdict())
        .containsExactly("user-service 2.0.0 NO");
    assertThat(outcome.counterparts().get(0).findings()).extracting(f -> f.rule().name())
        .containsExactly("FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(outcome.counterparts().get(0).findings().get(0).message()).contains("consumer \"auth-service\"");
  }

  @Test
  void aServiceNothingInTheEnvironmentDependsOnMayGo() throws Exception {
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Files.copy(FIXTURE.resolve("environments/prod.json"), environments.resolve("prod.json"));
    Files.writeString(environments.resolve("staging.json"), """
        {
          "formatVersion": 1,
          "environment": "staging",
          "services": {
            "billing-service": {
              "versions": [
                {
                  "version": "1.5.0"
                }
              ]
            }
          }
        }
        """);

    CanIDeployOutcome outcome = canIDeploy("billing-service", "prod", false, environments);

    assertThat(outcome.counterparts()).isEmpty();
    assertThat(outcome.deployable()).isTrue();
    assertThat(outcome.summary()).isEqualTo("can-i-deploy: yes, billing-service 1.6.0 to prod: nothing recorded in "
        + "prod consumes or produces its events.");
  }

  @Test
  void aVersionWhoseContractsAreAllWithOtherProvidersIsNotAConsumer() throws Exception {
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Files.writeString(environments.resolve("prod.json"), """
        {
          "formatVersion": 1,
          "environment": "prod",
          "services": {
            "auth-service": {
              "versions": [
                {
                  "version": "1.4.0",
                  "contractsPath": "%s"
                }
              ]
            }
          }
        }
        """.formatted(FIXTURE.resolve("billing-contracts").toString().replace('\\', '/')));

    CanIDeployOutcome outcome = canIDeploy("user-service", "prod", false, environments);

    // no gate run was needed: the gate configuration has no factory class path, which would answer no
    assertThat(outcome.counterparts()).isEmpty();
    assertThat(outcome.deployable()).isTrue();
    assertThat(lines).contains("can-i-deploy: auth-service 1.4.0 has no contract with user-service; not a consumer "
        + "of it.");
  }

  @Test
  void aProducerVersionThatWritesNoSchemaForTheRecordReadIsANo() throws Exception {
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Path otherRecord = Path.of("src/test/resources/rules/FIELD_ADDED_WITHOUT_DEFAULT/current").toAbsolutePath();
    Files.writeString(environments.resolve("prod.json"), """
        {
          "formatVersion": 1,
          "environment": "prod",
          "services": {
            "user-service": {
              "versions": [
                {
                  "version": "3.0.0",
                  "schemasPath": "%s"
                }
              ]
            }
          }
        }
        """.formatted(otherRecord.toString().replace('\\', '/')));

    CanIDeployOutcome outcome = canIDeploy("auth-service", "prod", false, environments);

    assertThat(outcome.counterparts()).extracting(Counterpart::verdict).containsExactly(Verdict.NO);
    Finding missing = outcome.counterparts().get(0).findings().get(0);
    assertThat(missing.rule().name()).isEqualTo("WRITER_SCHEMA_MISSING");
    assertThat(missing.message()).startsWith("Record \"dev.handshake.example.user.UserDeleted\", which consumer "
        + "\"auth-service\"").contains("is not among the schemas of user-service 3.0.0.");
  }

  @Test
  void anUnknownEnvironmentIsBadInput() {
    assertThatThrownBy(() -> canIDeploy("auth-service", "qa", false)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("there is no environment \"qa\"").hasMessageContaining("[prod]");
  }

  @Test
  void aNameNoEnvironmentRecordsAndNoContractNamesIsBadInputNotAYes() {
    assertThatThrownBy(() -> canIDeploy("auth-servce", "prod", false)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("can-i-deploy: no environment in "
            + "environments records a service named \"auth-servce\" (--service) and no contract names it, so "
            + "nothing could be checked. The names recorded or in contracts: \"auth-service\", \"user-service\". "
            + "Did you mean \"auth-service\"?");
  }

  @Test
  void withoutANameAConsumerIsNamedByItsContractsAndTheReportSaysSo() {
    CanIDeployOutcome outcome = canIDeploy(null, "prod", false);

    assertThat(lines.get(0)).startsWith("can-i-deploy: checking the service named \"auth-service\" (the consumer "
        + "name of its contracts), version 1.6.0, against prod");
    assertThat(outcome.counterparts()).extracting(c -> c.name() + " " + c.version())
        .containsExactly("user-service 1.9.0", "user-service 2.0.0", "user-service 2.1.0");
  }
}
