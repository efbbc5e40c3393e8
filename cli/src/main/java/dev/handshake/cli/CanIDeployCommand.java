package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.deploy.RecordedContracts;
import dev.handshake.core.gate.FactoryFork;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.tasks.CanIDeployConfiguration;
import dev.handshake.core.tasks.CanIDeployOutcome;
import dev.handshake.core.tasks.CanIDeployTask;
import dev.handshake.core.tasks.RepositoryPaths;
import dev.handshake.core.tasks.TaskLog;
import dev.handshake.core.tasks.VerifyConfiguration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "can-i-deploy",     description = {
        "Answers whether this version of the service may go to ENV: yes, no or unknown per counterpart deployed "
            + "there.",
        "Reads ENVIRONMENTS_DIR/ENV.json, written by record-deployment and record-release.",
        "As a producer: the gate (as handshake verify runs it: factories, wire format, decode, match, static "
            + "checks) against the contracts of every consumer version recorded there, and with --registry each "
            + "--subject against the registry. As a consumer: its own contracts' reader schemas against the "
            + "schemas of every producer version recorded there (its schema files, or the registry's latest "
            + "version of its subjects).",
        "Unknown (a counterpart's contracts or schemas cannot be found) counts as no unless --ignore-unknown."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:yes: every counterpart works with this version", "1:no (findings, or an unknown counterpart)",
        "2:bad input (an unknown environment, a malformed environment file, an unknown option)",
        "3:the registry cannot be reached, the factories could not run, a file could not be read or written",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake can-i-deploy --service user-service --version 2.3.0 --to prod \\",
        "      --classpath target/test-classes:target/classes:$(cat cp.txt)",
        "  handshake can-i-deploy --service auth-service --version 1.6.0 --to prod \\",
        "      --contracts contracts"})
final class CanIDeployCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RegistryClientOptions registryOptions;

  // --version is the service's version here, so picocli's standard -V/--version cannot be mixed in.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service to deploy.")
  String service;

  @Option(names = "--version", required = true, paramLabel = "VERSION", description = "Its version.")
  String version;

  @Option(names = "--to", required = true, paramLabel = "ENV", description = "The environment.")
  String environment;

  @Option(names = "--environments-dir", paramLabel = "DIR", defaultValue = EnvironmentFiles.DEFAULT_DIRECTORY,
      description = "The environments directory. Default: environments.")
  Path environmentsDir;

  @Option(names = "--ignore-unknown", description = "A counterpart whose contracts or schemas cannot be found does "
      + "not make the answer no.")
  boolean ignoreUnknown;

  @Option(names = "--classpath", paramLabel = "PATHS", description = "As a producer: its test class path (as for "
      + "handshake verify), where its @PactVerifyProvider factories are. Without it, no factory is found.")
  String classpath;

  @Option(names = "--schemas", paramLabel = "DIR", defaultValue = "schemas",
      description = "As a producer: its writer schemas (*.avsc). Default: schemas.")
  Path schemas;

  @Option(names = "--contracts", paramLabel = "PATH", defaultValue = "contracts",
      description = "As a consumer: its own contracts (a file, or a directory searched for *.json; those whose "
          + "consumer is --service); repeat for several. Default: contracts.")
  List<Path> contracts = new ArrayList<>();

  @Option(names = "--subject", paramLabel = "SUBJECT=FILE", description = "As a producer with --registry: a "
      + "subject and the schema it would register; repeat for several.")
  List<String> subjects = new ArrayList<>();

  @Option(names = "--maven-repo", paramLabel = "DIR", description = "The Maven repository contracts artifacts are "
      + "looked up in. Default: ~/.m2/repository.")
  Path mavenRepo;

  @Option(names = "--base-dir", paramLabel = "DIR", defaultValue = ".",
      description = "The service's directory: the base of relative paths. Default: the current directory.")
  Path baseDir;

  @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/handshake",
      description = "Where can-i-deploy.json (and the gate's reports, under can-i-deploy/) go.")
  Path reportDir;

  @Mixin
  GateRunOptions gateRun;

  @Override
  public Integer call() {
    Duration factoryTimeout = gateRun.factoryTimeout();
    Path base = baseDir.toAbsolutePath().normalize();
    Optional<SchemaRegistry> registry = registryOptions.hasRegistry() ? Optional.of(registryOptions.connect())
        : Optional.empty();
    Path repository = mavenRepo != null ? mavenRepo
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
    CanIDeployConfiguration config = new CanIDeployConfiguration(service, "--service", version, environment,
        new EnvironmentFiles(base.resolve(environmentsDir)), RecordedContracts.mavenRepository(repository),
        gate(base, factoryTimeout), contracts, registry, subjects(), ignoreUnknown);
    PrintWriter out = spec.commandLine().getOut();
    CanIDeployOutcome outcome = registryOptions.call(() -> new CanIDeployTask(config,
        TaskLog.of(out::println, line -> out.println("warning: " + line), out::println)).run());
    out.flush();
    return outcome.deployable() ? HandshakeCli.EXIT_OK : HandshakeCli.EXIT_INCOMPATIBLE;
  }

  private VerifyConfiguration gate(Path base, Duration factoryTimeout) {
    List<Path> producerClasspath = classpath == null ? List.of() : VerifyCommand.producerClasspath(classpath, base);
    List<Path> forkClasspath = new ArrayList<>(producerClasspath);
    forkClasspath.addAll(FactoryFork.handshakeClasspath());
    return new VerifyConfiguration(base, List.of(), List.of(), "", Optional.of(service), schemas, "--schemas",
        forkClasspath, producerClasspath.stream().filter(Files::isDirectory).toList(),
        factoryTimeout, reportDir, reportDir, RepositoryPaths.of(base, null, base),
        gateRun.ruleDocs(), false, VerifyConfiguration.NoContracts.ALLOWED);
  }

  private Map<String, Path> subjects() {
    Map<String, Path> bySubject = new LinkedHashMap<>();
    for (String spec : subjects) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new InvalidInputException("--subject \"" + spec + "\" must be SUBJECT=FILE.avsc, e.g. "
            + "user-events-value=schemas/UserCreated.avsc");
      }
      bySubject.put(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
    }
    return bySubject;
  }
}
