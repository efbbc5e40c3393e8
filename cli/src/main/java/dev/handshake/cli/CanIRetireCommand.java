package dev.handshake.cli;

import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.deploy.RecordedContracts;
import dev.handshake.core.tasks.CanIRetireConfiguration;
import dev.handshake.core.tasks.CanIRetireOutcome;
import dev.handshake.core.tasks.CanIRetireTask;
import dev.handshake.core.tasks.TaskLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "can-i-retire", mixinStandardHelpOptions = true,
    description = {
        "Answers whether the producer may stop publishing TOPIC: yes when no consumer version recorded in ENV has "
            + "a contract interaction with it on that topic.",
        "Reads ENVIRONMENTS_DIR/ENV.json and each recorded consumer version's contracts, found as can-i-deploy "
            + "finds them. The first line is the verdict; then each consumer version that still reads the topic, "
            + "its interactions and the fields each reads, and what could not be read."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:yes: no consumer version recorded in ENV reads TOPIC",
        "1:no: a consumer version recorded in ENV still reads TOPIC (each is named)",
        "2:bad input (an unknown environment or producer, a blank topic, an unknown option)",
        "3:unknown: the environment file or a recorded contract cannot be read or found (each is named)",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {"  handshake can-i-retire --producer user-service --topic user-events --from prod"})
final class CanIRetireCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--producer", required = true, paramLabel = "NAME",
      description = "The producer, as its consumers' contracts name their provider.")
  String producer;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic it would stop "
      + "publishing.")
  String topic;

  @Option(names = "--from", required = true, paramLabel = "ENV", description = "The environment asked about.")
  String environment;

  @Option(names = "--environments-dir", paramLabel = "DIR", defaultValue = EnvironmentFiles.DEFAULT_DIRECTORY,
      description = "The environments directory. Default: environments.")
  Path environmentsDir;

  @Option(names = "--maven-repo", paramLabel = "DIR", description = "The Maven repository contracts artifacts are "
      + "looked up in. Default: ~/.m2/repository.")
  Path mavenRepo;

  @Option(names = "--base-dir", paramLabel = "DIR", defaultValue = ".",
      description = "The base of relative paths. Default: the current directory.")
  Path baseDir;

  @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "target/handshake/can-i-retire",
      description = "Where recorded contracts archives are unpacked. Default: target/handshake/can-i-retire.")
  Path workDir;

  @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/handshake",
      description = "Where can-i-retire.json goes. Default: target/handshake.")
  Path reportDir;

  @Override
  public Integer call() {
    Path base = baseDir.toAbsolutePath().normalize();
    Path repository = mavenRepo != null ? mavenRepo
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
    CanIRetireConfiguration config = new CanIRetireConfiguration(producer, "--producer", topic, environment,
        new EnvironmentFiles(base.resolve(environmentsDir)), RecordedContracts.mavenRepository(repository), base,
        base.resolve(workDir).resolve("contract-artifacts"), base.resolve(reportDir));
    PrintWriter out = spec.commandLine().getOut();
    CanIRetireOutcome outcome = new CanIRetireTask(config, TaskLog.of(out::println, out::println, out::println))
        .run();
    out.flush();
    return switch (outcome.verdict()) {
      case YES -> HandshakeCli.EXIT_OK;
      case NO -> HandshakeCli.EXIT_INCOMPATIBLE;
      case UNKNOWN -> HandshakeCli.EXIT_UNREACHABLE;
    };
  }
}
