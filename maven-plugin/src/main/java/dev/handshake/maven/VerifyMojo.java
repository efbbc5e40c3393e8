package dev.handshake.maven;

import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.files.ProjectPaths;
import dev.handshake.core.tasks.RepositoryPaths;
import dev.handshake.core.tasks.VerifyConfiguration;
import dev.handshake.core.tasks.VerifyTask;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * {@code reportDirectory} as verify.txt, verify.json, TEST-handshake-verify.xml, verify.github.txt (GitHub
 * Actions annotations) and the field-usage map (usage.md, usage.json).
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

  /**
   * Fail the build when there is no contract to verify (no contract file, or none for {@code providerName}): a
   * mistyped name or directory must not pass. {@code false} makes it a warning, for a producer without consumers yet.
   */
  @Parameter(property = "handshake.failIfNoContracts", defaultValue = "true")
  private boolean failIfNoContracts;

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

  /**
   * The URL a copy of the rule pages is under: findings end with {@code See <url>/<RULE>.md}. Without it they end
   * with the command that prints the page from the plugin ({@code mvn handshake:explain -Dhandshake.rule=RULE}).
   */
  @Parameter(property = "handshake.rulesDocsUrl")
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
    TaskFailures.translate(() -> {
      FailOnce failOnce = new FailOnce(project, mojoExecution, getLog());
      if (skip) {
        getLog().info("Handshake verify skipped (handshake.skip=true).");
        failOnce.passed(); // an earlier check's deferred failure still fails the build
        return;
      }
      Optional<String> failure = new VerifyTask(configuration(), TaskFailures.log(getLog())).run().failure();
      if (failure.isPresent()) {
        failOnce.fail(failure.get());
      } else {
        failOnce.passed();
      }
    });
  }

  /** The goal's parameters as the task reads them. */
  private VerifyConfiguration configuration() throws MojoExecutionException, MojoFailureException {
    Path basedir = project.getBasedir().toPath();
    if (factoryTimeoutSeconds <= 0) {
      throw new MojoFailureException("<factoryTimeoutSeconds> (handshake.factoryTimeoutSeconds) must be a positive "
          + "number of seconds, got " + factoryTimeoutSeconds);
    }
    List<ContractSource> artifacts = new ContractArtifacts(repositorySystem, repositorySession,
        project.getRemoteProjectRepositories(), reportDirectory.toPath().resolve("contract-artifacts"))
        .resolve(contractArtifacts == null ? List.of() : contractArtifacts);
    Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
    if (!Files.isDirectory(testClasses)) {
      getLog().warn("Handshake verify: there are no compiled test classes at "
          + ProjectPaths.display(testClasses, basedir)
          + " (was -Dmaven.test.skip=true set?); the @PactVerifyProvider factories are looked up there and in "
          + "the main classes.");
    }
    List<Path> classpath = ProducerFactories.classpath(project);
    File multiModule = session.getRequest().getMultiModuleProjectDirectory();
    RepositoryPaths repositoryPaths = RepositoryPaths.of(basedir,
        annotationsRootDirectory == null ? null : annotationsRootDirectory.toPath(),
        multiModule == null ? null : multiModule.toPath());
    return new VerifyConfiguration(basedir, List.of(contractsDirectory.toPath()), artifacts,
        "<contractsDirectory> " + ProjectPaths.display(contractsDirectory.toPath(), basedir) + " has no *.json and "
            + "<contractArtifacts> is empty",
        Optional.ofNullable(providerName), schemasDirectory.toPath(), "<schemasDirectory>", classpath,
        List.of(testClasses, Path.of(project.getBuild().getOutputDirectory())),
        Duration.ofSeconds(factoryTimeoutSeconds), reportDirectory.toPath(), junitReportDirectory.toPath(), repositoryPaths, new RuleDocs(rulesDocsUrl, RuleDocs.MAVEN_EXPLAIN),
        failOnWarning, new VerifyConfiguration.NoContracts(failIfNoContracts, "<providerName>",
        "<failIfNoContracts>false</failIfNoContracts> (-Dhandshake.failIfNoContracts=false)"));
  }
}
