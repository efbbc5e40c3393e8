package dev.handshake.maven;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.gate.GateReportFiles;
import dev.handshake.core.gate.PactVerifyProviderFactories;
import dev.handshake.core.gate.ProducerGate;
import dev.handshake.core.gate.WriterSchemas;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.report.TextReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * The producer gate: verifies the producer's real events against every consumer contract (from
 * {@code contractsDirectory} and {@code contractArtifacts}) and fails the build, naming consumer, event,
 * field, rule and fix, when a consumer could not read or would misread an event. Reports go to
 * {@code reportDirectory} as verify.txt, verify.json, TEST-handshake-verify.xml and verify.github.txt (GitHub
 * Actions annotations).
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public class VerifyMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Component
  private RepositorySystem repositorySystem;

  /** Contract files ({@code *.json}, searched recursively). A missing directory holds no contracts. */
  @Parameter(property = "handshake.contractsDirectory", defaultValue = "${project.basedir}/contracts")
  private File contractsDirectory;

  /**
   * Contracts published as Maven artifacts, {@code groupId:artifactId:version[:classifier][:type]} (type jar,
   * zip or json; default jar). Archives are unpacked and every {@code *.json} in them is a contract.
   */
  @Parameter(property = "handshake.contractArtifacts")
  private List<String> contractArtifacts;

  /** Only contracts whose provider has this name are verified; all when unset. */
  @Parameter(property = "handshake.providerName")
  private String providerName;

  /** The producer's writer schemas ({@code *.avsc}). An event returned as an Avro record uses its own schema. */
  @Parameter(property = "handshake.schemasDirectory", defaultValue = "${project.basedir}/schemas")
  private File schemasDirectory;

  @Parameter(property = "handshake.reportDirectory", defaultValue = "${project.build.directory}/handshake")
  private File reportDirectory;

  /**
   * Where {@code TEST-handshake-verify.xml} (JUnit XML) goes: by default beside Surefire's, where Jenkins'
   * {@code junit}, GitLab's {@code artifacts:reports:junit} and GitHub test-report actions already look.
   */
  @Parameter(property = "handshake.junitReportDirectory", defaultValue = "${project.build.directory}/surefire-reports")
  private File junitReportDirectory;

  /**
   * The directory {@code verify.github.txt} names files from (GitHub resolves annotation paths from the
   * repository root). Default: the nearest directory above the module holding {@code .git}, else
   * {@code maven.multiModuleProjectDirectory}.
   */
  @Parameter(property = "handshake.annotationsRootDirectory")
  private File annotationsRootDirectory;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** How long the producer's factories may run together (in a forked JVM, as Surefire runs tests). */
  @Parameter(property = "handshake.factoryTimeoutSeconds", defaultValue = "300")
  private int factoryTimeoutSeconds;

  /** The URL the rule pages are under: findings end with {@code See <url>/<RULE>.md} and the rule's purpose. */
  @Parameter(property = "handshake.rulesDocsUrl", defaultValue = RuleDocs.DEFAULT_BASE_URL)
  private String rulesDocsUrl;

  @Parameter(property = "handshake.skip", defaultValue = "false")
  private boolean skip;

  /** Fail the build on warnings too (e.g. a reader schema that does not match its fingerprint). */
  @Parameter(property = "handshake.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    FailOnce failOnce = new FailOnce(project, mojoExecution, getLog());
    String failure = runGate();
    if (failure == null) {
      failOnce.passed();
    } else {
      failOnce.fail(failure);
    }
  }

  /** Runs the gate and reports; returns why the build must fail, or null. */
  private String runGate() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Handshake verify skipped (handshake.skip=true).");
      return null;
    }
    Path basedir = project.getBasedir().toPath();
    List<ContractSource> sources = new ArrayList<>(contractsIn(contractsDirectory.toPath(), basedir));
    sources.addAll(new ContractArtifacts(repositorySystem, repositorySession,
        project.getRemoteProjectRepositories(), reportDirectory.toPath().resolve("contract-artifacts"))
        .resolve(contractArtifacts == null ? List.of() : contractArtifacts));
    if (sources.isEmpty()) {
      getLog().warn("Handshake verify found no contracts: "
          + ProjectPaths.display(contractsDirectory.toPath(), basedir)
          + " has no *.json and <contractArtifacts> is empty. Nothing to verify.");
      return null;
    }
    WriterSchemas writers;
    try {
      writers = WriterSchemas.load(schemasDirectory.toPath(), basedir);
    } catch (InvalidInputException e) {
      throw new MojoFailureException("Handshake verify: a writer schema in <schemasDirectory> "
          + ProjectPaths.display(schemasDirectory.toPath(), basedir) + " is invalid: " + e.getMessage(), e);
    }

    Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
    if (!Files.isDirectory(testClasses)) {
      getLog().warn("Handshake verify: there are no compiled test classes at "
          + ProjectPaths.display(testClasses, basedir)
          + " (was -Dmaven.test.skip=true set?); the @PactVerifyProvider factories are looked up there and in "
          + "the main classes.");
    }
    if (factoryTimeoutSeconds <= 0) {
      throw new MojoFailureException("<factoryTimeoutSeconds> (handshake.factoryTimeoutSeconds) must be a positive "
          + "number of seconds, got " + factoryTimeoutSeconds);
    }
    PactVerifyProviderFactories factories = ProducerFactories.run(project,
        reportDirectory.toPath().resolve("factories"), Duration.ofSeconds(factoryTimeoutSeconds));
    factories.duplicates().forEach(d -> getLog().warn("Handshake verify: " + d + "."));
    getLog().info("Handshake verify: " + sources.size() + " contract file(s), " + factories.all().size()
        + " @PactVerifyProvider factory method(s) (run in a JVM in the module's directory, as Surefire runs tests), "
        + writers.size() + " writer schema(s).");
    GateReport report = new ProducerGate().verify(sources, providerName, factories::find, writers);

    for (Finding finding : report.findings()) {
      String line = TextReportWriter.line(finding, new RuleDocs(rulesDocsUrl));
      if (finding.severity() == Severity.ERROR) {
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    List<Path> files;
    try {
      files = GateReportFiles.write(report, reportDirectory.toPath(), junitReportDirectory.toPath(),
          repositoryPaths(basedir), new RuleDocs(rulesDocsUrl));
    } catch (IOException e) {
      throw new MojoExecutionException("Handshake verify could not write its report to " + reportDirectory, e);
    }
    String summary = GateReportFiles.summary(report) + " Reports: " + files.stream()
        .map(file -> ProjectPaths.display(file, basedir)).collect(java.util.stream.Collectors.joining(", ")) + ".";
    boolean failOnWarnings = failOnWarning && report.count(Severity.WARNING) > 0;
    if (report.hasErrors() || failOnWarnings) {
      getLog().error(summary);
      return summary + (report.hasErrors() ? "" : " (failOnWarning is set)")
          + " Each finding above names the consumer, the event, the field, the rule and the fix, and links the"
          + " rule's page.";
    }
    getLog().info(summary);
    return null;
  }

  private RepositoryPaths repositoryPaths(Path basedir) {
    File multiModule = session.getRequest().getMultiModuleProjectDirectory();
    return RepositoryPaths.of(basedir, annotationsRootDirectory == null ? null : annotationsRootDirectory.toPath(),
        multiModule == null ? null : multiModule.toPath());
  }

  static List<ContractSource> contractsIn(Path directory, Path basedir) throws MojoExecutionException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .map(p -> new ContractSource(p, ProjectPaths.display(p, basedir)))
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException("Handshake verify could not list contracts in " + directory, e);
    }
  }
}
