package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.gate.FactoryFork;
import dev.handshake.core.tasks.RepositoryPaths;
import dev.handshake.core.tasks.TaskLog;
import dev.handshake.core.tasks.VerifyConfiguration;
import dev.handshake.core.tasks.VerifyOutcome;
import dev.handshake.core.tasks.VerifyTask;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "The producer gate without Maven: builds the producer's real events with its @PactVerifyProvider methods, "
            + "writes them with its schemas in the Kafka wire format, reads them with each consumer's reader "
            + "schema from its contract, and matches them against what the consumer expects.",
        "The factories run in a separate JVM in --base-dir with the class path you give (the producer's compiled "
            + "test classes and their dependencies). Writes the same reports as handshake:verify: verify.txt, "
            + "verify.json, verify.github.txt and the field-usage map (usage.md, usage.json) in --report-dir, "
            + "TEST-handshake-verify.xml in --junit-report-dir."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every consumer can read the producer's events", "1:findings (each printed)",
        "2:bad input (no contract to verify unless --allow-no-contracts, an invalid writer schema, a missing class "
            + "path entry, an unknown option)",
        "3:the factories could not run, or a report could not be written",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake verify --contracts contracts --schemas schemas --classpath \\",
        "      build/classes/java/test:build/classes/java/main:$(cat cp.txt)",
        "  handshake verify --contracts pacts/auth-service-user-service.json \\",
        "      --provider user-service \\",
        "      --classpath target/test-classes:target/classes:$(cat cp.txt)"})
final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--contracts", paramLabel = "PATH", defaultValue = "contracts",
      description = "A contract file, or a directory searched for *.json; repeat for several. Default: contracts.")
  List<Path> contracts = new ArrayList<>();

  @Option(names = "--schemas", paramLabel = "DIR", defaultValue = "schemas",
      description = "The producer's writer schemas (*.avsc). Default: schemas.")
  Path schemas;

  @Option(names = "--classpath", required = true, paramLabel = "PATHS",
      description = "The producer's test class path, entries separated by the system's path separator (: or ;): "
          + "its compiled test and main classes (the directories searched for @PactVerifyProvider methods) and "
          + "the jars they need. Maven writes the jars' part with: mvn dependency:build-classpath "
          + "-Dmdep.outputFile=cp.txt")
  String classpath;

  @Option(names = "--provider", paramLabel = "NAME", description = "Only verify contracts with this provider.")
  String provider;

  @Option(names = "--base-dir", paramLabel = "DIR", defaultValue = ".",
      description = "The producer's module directory: the factories' working directory and the base of relative "
          + "paths. Default: the current directory.")
  Path baseDir;

  @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/handshake",
      description = "Where verify.txt, verify.json, verify.github.txt, usage.md and usage.json go. "
          + "Default: target/handshake.")
  Path reportDir;

  @Option(names = "--junit-report-dir", paramLabel = "DIR", defaultValue = "target/surefire-reports",
      description = "Where TEST-handshake-verify.xml goes, for CI test tabs. Default: target/surefire-reports.")
  Path junitReportDir;

  @Option(names = "--annotations-root", paramLabel = "DIR",
      description = "The directory verify.github.txt names files from. Default: the nearest directory above "
          + "--base-dir holding .git.")
  Path annotationsRoot;

  @Option(names = "--allow-no-contracts", description = "No contract to verify (no contract file, or none for "
      + "--provider) is a warning and exit 0 instead of exit 2: for a producer that has no consumers yet.")
  boolean allowNoContracts;

  @Mixin
  GateRunOptions gateRun;

  @Option(names = "--fail-on-warning", description = "Exit 1 on warnings too (READER_SCHEMA_EDITED, pending "
      + "interactions).")
  boolean failOnWarning;

  @Override
  public Integer call() {
    Duration factoryTimeout = gateRun.factoryTimeout();
    Path base = baseDir.toAbsolutePath().normalize();
    List<Path> producerClasspath = producerClasspath(classpath, base);
    PrintWriter out = spec.commandLine().getOut();
    VerifyOutcome outcome = new VerifyTask(configuration(base, producerClasspath, factoryTimeout), log(out)).run();
    out.flush();
    return outcome.failed() ? HandshakeCli.EXIT_INCOMPATIBLE : HandshakeCli.EXIT_OK;
  }

  /** The --classpath entries, each resolved against the base directory and required to exist. */
  static List<Path> producerClasspath(String classpath, Path base) {
    List<Path> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = base.resolve(entry.trim()).normalize();
      if (!Files.exists(path)) {
        throw new InvalidInputException("--classpath entry " + entry + " does not exist (resolved against "
            + "--base-dir " + base + "); compile the producer's tests first, e.g. gradle testClasses or mvn "
            + "test-compile");
      }
      entries.add(path);
    }
    if (entries.isEmpty()) {
      throw new InvalidInputException("--classpath is empty; give the producer's compiled test classes and their "
          + "dependencies");
    }
    return entries;
  }

  private VerifyConfiguration configuration(Path base, List<Path> producerClasspath, Duration factoryTimeout) {
    List<Path> forkClasspath = new ArrayList<>(producerClasspath);
    forkClasspath.addAll(FactoryFork.handshakeClasspath());
    return new VerifyConfiguration(base, contracts, List.of(),
        "--contracts " + String.join(" ", contracts.stream().map(Path::toString).toList()) + " holds no *.json",
        Optional.ofNullable(provider), schemas, "--schemas", forkClasspath,
        producerClasspath.stream().filter(Files::isDirectory).toList(), factoryTimeout,
        reportDir, junitReportDir, RepositoryPaths.of(base, annotationsRoot, base), gateRun.ruleDocs(),
        failOnWarning, new VerifyConfiguration.NoContracts(!allowNoContracts, "--provider", "--allow-no-contracts"));
  }

  /** Findings and the summary on standard output, warnings marked, as {@code check} prints its findings. */
  private static TaskLog log(PrintWriter out) {
    return TaskLog.of(out::println, line -> out.println("warning: " + line), out::println);
  }
}
