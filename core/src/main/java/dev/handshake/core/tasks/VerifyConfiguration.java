package dev.handshake.core.tasks;

import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.rules.RuleDocs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the producer gate needs from a front end (the {@code verify} goal, {@code handshake verify}). Paths
 * are absolute or relative to {@link #baseDirectory()}; findings name files relative to it.
 */
public interface VerifyConfiguration {
  /** The producer's module directory: the factories' working directory and the base of every displayed path. */
  Path baseDirectory();

  /** Contract files, and directories searched recursively for {@code *.json}; a missing directory holds none. */
  List<Path> contractLocations();

  /** Contracts the front end found elsewhere (Maven artifacts). */
  default List<ContractSource> moreContracts() {
    return List.of();
  }

  /** How the front end names the contract locations when it found none, e.g. {@code <contractsDirectory> x}. */
  String contractsHint();

  /** Only contracts whose provider has this name are verified; all when empty. */
  Optional<String> providerName();

  /** The producer's writer schemas ({@code *.avsc}); a missing directory holds none. */
  Path schemasDirectory();

  /** How the front end names the schemas directory in errors: {@code <schemasDirectory>}, {@code --schemas}. */
  String schemasHint();

  /** The producer's class path for its factories: its test classes and dependencies, its own versions first. */
  List<Path> factoryClasspath();

  /** The directories searched for {@code @PactVerifyProvider} methods (test classes, then main classes). */
  List<Path> factoryClassDirectories();

  Duration factoryTimeout();

  /** Where verify.txt, verify.json and verify.github.txt go. */
  Path reportDirectory();

  /** Where TEST-handshake-verify.xml goes (beside Surefire's reports, where CI collects tests). */
  Path junitReportDirectory();

  /** Names files from the repository root for GitHub annotations. */
  RepositoryPaths repositoryPaths();

  RuleDocs ruleDocs();

  boolean failOnWarning();
}
