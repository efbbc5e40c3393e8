package dev.handshake.maven;

import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.tasks.CanIDeployConfiguration;
import dev.handshake.core.tasks.CanIDeployOutcome;
import dev.handshake.core.tasks.CanIDeployTask;
import dev.handshake.core.tasks.RepositoryPaths;
import dev.handshake.core.tasks.VerifyConfiguration;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * May this version go to an environment? Reads {@code environments/<environment>.json} and answers per
 * counterpart deployed there: as a producer, the gate against every consumer version's contracts (and each of
 * {@code <subjects>} against the registry when one is configured); as a consumer, its own contracts against
 * every producer version's schemas. Prints a table and writes {@code can-i-deploy.json}; the build fails on a
 * no, or on an unknown unless {@code ignoreUnknown} is set.
 */
@Mojo(name = "can-i-deploy", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class CanIDeployMojo extends AbstractRegistryMojo {

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Component
  private RepositorySystem repositorySystem;

  /** The environment to deploy to: {@code <environmentsDirectory>/<environment>.json}. */
  @Parameter(property = "handshake.environment", required = true)
  String environment;

  /**
   * The service's name, as the environment files and contracts name it. Default: {@code providerName} (the name
   * {@code verify} checks contracts for), else the consumer name the service's own contracts carry. Never the
   * artifactId: a name no contract uses would be checked against nothing.
   */
  @Parameter(property = "handshake.service")
  String service;

  /** As a producer: the provider name its consumers' contracts use (the {@code verify} goal's parameter). */
  @Parameter(property = "handshake.providerName")
  String providerName;

  /** The version to deploy (shown in the answer; the code checked is this build's). */
  @Parameter(property = "handshake.serviceVersion", defaultValue = "${project.version}")
  String serviceVersion;

  @Parameter(property = "handshake.environmentsDirectory", defaultValue = "${project.basedir}/environments")
  File environmentsDirectory;

  /** A counterpart whose contracts or schemas cannot be found does not fail the build. */
  @Parameter(property = "handshake.ignoreUnknown", defaultValue = "false")
  boolean ignoreUnknown;

  /** As a consumer: its own contracts (those whose consumer is {@code service}). */
  @Parameter(property = "handshake.contractsDirectory", defaultValue = "${project.basedir}/contracts")
  File contractsDirectory;

  /** As a producer: its writer schemas ({@code *.avsc}). */
  @Parameter(property = "handshake.schemasDirectory", defaultValue = "${project.basedir}/schemas")
  File schemasDirectory;

  /** As a producer with a registry: subject → the schema file it would register. */
  @Parameter
  Map<String, File> subjects = new LinkedHashMap<>();

  @Parameter(property = "handshake.reportDirectory", defaultValue = "${project.build.directory}/handshake")
  File reportDirectory;

  /** How long the producer's factories may run together (in a forked JVM, as Surefire runs tests). */
  @Parameter(property = "handshake.factoryTimeoutSeconds", defaultValue = "300")
  int factoryTimeoutSeconds;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (factoryTimeoutSeconds <= 0) {
      throw new MojoFailureException("<factoryTimeoutSeconds> (handshake.factoryTimeoutSeconds) must be a positive "
          + "number of seconds, got " + factoryTimeoutSeconds);
    }
    Optional<SchemaRegistry> registry = hasRegistryUrls() ? Optional.of(restRegistry("can-i-deploy"))
        : Optional.empty();
    ContractArtifacts artifacts = new ContractArtifacts(repositorySystem, repositorySession,
        project.getRemoteProjectRepositories(), reportDirectory.toPath().resolve("contract-artifacts"));
    Map<String, Path> subjectFiles = new LinkedHashMap<>();
    (subjects == null ? Map.<String, File>of() : subjects).forEach((s, f) -> subjectFiles.put(s, resolve(f)));
    boolean named = service != null && !service.isBlank();
    CanIDeployConfiguration config = new CanIDeployConfiguration(named ? service : providerName,
        named ? "<service>" : "<providerName>", serviceVersion, environment,
        new EnvironmentFiles(environmentsDirectory.toPath()), artifacts.artifactFiles(), gate(),
        List.of(contractsDirectory.toPath()), registry, subjectFiles, ignoreUnknown);
    CanIDeployOutcome outcome = new CanIDeployTask(config, TaskFailures.log(getLog())).run();
    if (!outcome.deployable()) {
      throw new MojoFailureException(outcome.summary() + " Answer per counterpart: " + display(outcome.report())
          + ".");
    }
  }

  private VerifyConfiguration gate() throws MojoExecutionException {
    Path basedirPath = basedir.toPath();
    File multiModule = session.getRequest().getMultiModuleProjectDirectory();
    return new VerifyConfiguration(basedirPath, List.of(), List.of(), "", Optional.empty(),
        schemasDirectory.toPath(), "<schemasDirectory>", ProducerFactories.classpath(project),
        List.of(Path.of(project.getBuild().getTestOutputDirectory()), Path.of(project.getBuild().getOutputDirectory())),
        Duration.ofSeconds(factoryTimeoutSeconds), reportDirectory.toPath(), reportDirectory.toPath(),
        RepositoryPaths.of(basedirPath, null, multiModule == null ? null : multiModule.toPath()),
        new RuleDocs(rulesDocsUrl, RuleDocs.MAVEN_EXPLAIN), false, VerifyConfiguration.NoContracts.ALLOWED);
  }
}
