package dev.handshake.core.tasks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.rules.RuleDocs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two factories of one description that name no topic (PactVerifyProviderFactoriesTest.Factories'
 * "published on two topics", in core's test classes) cannot be told apart: verify refuses before any interaction
 * is checked against the wrong one, naming both methods.
 */
class VerifyAmbiguousFactoriesTest {
  @TempDir
  Path base;

  @Test
  void twoFactoriesOfOneDescriptionAndTopicAreBadInputNamingBoth() throws Exception {
    Path contracts = Files.createDirectories(base.resolve("contracts"));
    Files.copy(Path.of("src/test/resources/gate/PASSING/contract.json"), contracts.resolve("auth.json"));
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).toList();
    Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    VerifyConfiguration config = new VerifyConfiguration(base, List.of(Path.of("contracts")), List.of(), "",
        Optional.of("user-service"), Path.of("schemas"), "<schemasDirectory>", classpath, List.of(testClasses),
        Duration.ofMinutes(2), Path.of("target/handshake"), Path.of("target/junit"), RepositoryPaths.of(base, base,
        base), RuleDocs.DEFAULT, false, VerifyConfiguration.NoContracts.ALLOWED);
    String factories = "dev.handshake.core.gate.PactVerifyProviderFactoriesTest$Factories";

    assertThatThrownBy(() -> new VerifyTask(config, TaskLog.silent()).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Handshake verify cannot tell which factory builds an interaction: ")
        .hasMessageContaining("@PactVerifyProvider(\"published on two topics\") naming no topic is built by "
            + factories + ".onFirstTopic() and " + factories + ".onSecondTopic()");
  }
}
