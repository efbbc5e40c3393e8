package dev.handshake.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.rules.RuleDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verify run that finds nothing to verify (no contract file, or none for its provider name) fails, naming what
 * it looked for; the opt-out makes it a warning. Both are decided before the factories' JVM would start.
 */
class VerifyNothingMatchedTest {
  private static final VerifyConfiguration.NoContracts FAIL = new VerifyConfiguration.NoContracts(true,
      "<providerName>", "<failIfNoContracts>false</failIfNoContracts>");

  @TempDir
  Path base;

  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void contracts() throws Exception {
    Path contracts = Files.createDirectories(base.resolve("contracts"));
    Files.copy(Path.of("src/test/resources/gate/PASSING/contract.json"), contracts.resolve("auth.json"));
  }

  private VerifyOutcome verify(String contracts, String provider, VerifyConfiguration.NoContracts noContracts) {
    VerifyConfiguration config = new VerifyConfiguration(base, List.of(Path.of(contracts)), List.of(),
        "<contractsDirectory> " + contracts + " has no *.json", Optional.ofNullable(provider), Path.of("schemas"),
        "<schemasDirectory>", List.of(), List.of(), Duration.ofSeconds(60), Path.of("target/handshake"),
        Path.of("target/junit"), RepositoryPaths.of(base, base, base), RuleDocs.DEFAULT,
        false, noContracts);
    return new VerifyTask(config, TaskLog.of(line -> { }, warnings::add, line -> { })).run();
  }

  @Test
  void aMistypedProviderNameFailsNamingTheProvidersSeenAndTheClosest() {
    assertThatThrownBy(() -> verify("contracts", "user-servce", FAIL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Handshake verify found no contract for the provider name \"user-servce\" (<providerName>) in "
            + "contracts: the 1 contract file(s) there name the provider \"user-service\". Did you mean "
            + "\"user-service\"? A run that verifies nothing would pass whatever the producer changes. Correct "
            + "the contracts location or the provider name, or use <failIfNoContracts>false</failIfNoContracts> for a producer that has no consumers yet.");
  }

  @Test
  void aContractsDirectoryThatDoesNotExistFailsNamingIt() {
    assertThatThrownBy(() -> verify("../contract", "user-service", FAIL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Handshake verify found no contract file: <contractsDirectory> ../contract has no "
            + "*.json (../contract does not exist).");
  }

  @Test
  void anEmptyContractsDirectoryFails() throws Exception {
    Files.createDirectories(base.resolve("empty"));

    assertThatThrownBy(() -> verify("empty", null, FAIL)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Handshake verify found no contract file: <contractsDirectory> empty has no *.json.");
  }

  @Test
  void theOptOutMakesItAWarningAndWritesNoReport() {
    VerifyOutcome outcome = verify("contracts", "user-servce", new VerifyConfiguration.NoContracts(false,
        "<providerName>", "<failIfNoContracts>false</failIfNoContracts>"));

    assertThat(outcome.failed()).isFalse();
    assertThat(outcome.report()).isNull();
    assertThat(warnings).singleElement().asString()
        .startsWith("Handshake verify found no contract for the provider name \"user-servce\"")
        .endsWith("Nothing verified (<failIfNoContracts>false</failIfNoContracts>).");
  }
}
