package dev.handshake.core.tasks;

import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.rules.RuleDocs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the producer gate needs from a front end (the {@code verify} goal, {@code handshake verify}). Paths
 * are absolute or relative to {@code baseDirectory}; findings name files relative to it.
 *
 * @param baseDirectory           the producer's module directory: the factories' working directory and the base
 *                                of every displayed path
 * @param contractLocations       contract files, and directories searched recursively for {@code *.json}; a
 *                                missing directory holds none
 * @param moreContracts           contracts the front end found elsewhere (Maven artifacts)
 * @param contractsHint           how the front end names the contract locations when they hold none
 * @param providerName            only contracts whose provider has this name are verified; all when empty
 * @param schemasDirectory        the producer's writer schemas ({@code *.avsc}); a missing directory holds none
 * @param schemasHint             how the front end names the schemas directory in errors
 * @param factoryClasspath        the class path of the JVM the factories run in: the producer's test class path
 *                                first (its versions win), then Handshake's own
 * @param factoryClassDirectories the directories searched for {@code @PactVerifyProvider} methods
 * @param reportDirectory         where verify.txt, verify.json, verify.github.txt, usage.md and usage.json go
 * @param junitReportDirectory    where TEST-handshake-verify.xml goes (where CI collects tests)
 * @param repositoryPaths         names files from the repository root, for GitHub annotations
 * @param noContracts             what a run that finds no contract to verify does, and the front end's words for it
 */
public record VerifyConfiguration(Path baseDirectory, List<Path> contractLocations, List<ContractSource> moreContracts,
                                  String contractsHint, Optional<String> providerName, Path schemasDirectory,
                                  String schemasHint, List<Path> factoryClasspath, List<Path> factoryClassDirectories,
                                  Duration factoryTimeout, Path reportDirectory, Path junitReportDirectory,
                                  RepositoryPaths repositoryPaths, RuleDocs ruleDocs, boolean failOnWarning,
                                  NoContracts noContracts) {
  public VerifyConfiguration {
    contractLocations = List.copyOf(contractLocations);
    moreContracts = List.copyOf(moreContracts);
    providerName = providerName.filter(name -> !name.isBlank());
    factoryClasspath = List.copyOf(factoryClasspath);
    factoryClassDirectories = List.copyOf(factoryClassDirectories);
  }

  /**
   * A run that verifies nothing (no contract file, or none for the provider name) is a failure, as pact-jvm fails
   * without {@code @IgnoreNoPactsToVerify}: a mistyped name or directory must not read as a pass.
   *
   * @param fail           fail (bad input); else a warning, for a producer that has no consumers yet
   * @param providerOption how the front end names the provider name option ({@code <providerName>})
   * @param optOut         how the front end turns the failure into a warning
   */
  public record NoContracts(boolean fail, String providerOption, String optOut) {
    /** For a caller that has already found the contracts (can-i-deploy): it answers an empty set itself. */
    public static final NoContracts ALLOWED = new NoContracts(false, "", "");
  }
}
