package dev.handshake.maven;

import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.tasks.CanIRetireConfiguration;
import dev.handshake.core.tasks.CanIRetireOutcome;
import dev.handshake.core.tasks.CanIRetireTask;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * May the producer stop publishing a topic? Reads {@code environments/<environment>.json} and the contracts of
 * every consumer version recorded there (found as {@code can-i-deploy} finds them): the build succeeds when none
 * has an interaction with the producer on {@code <topic>}, fails naming each that still reads it and what it
 * reads, and fails with an execution error when the environment file or a recorded contract cannot be read
 * (unknown: a topic once retired cannot be rolled back). The answer is also {@code <reportDirectory>/can-i-retire.json}.
 */
@Mojo(name = "can-i-retire", threadSafe = true)
public class CanIRetireMojo extends AbstractMojo {

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Component
  private RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The environment asked about: {@code <environmentsDirectory>/<environment>.json}. */
  @Parameter(property = "handshake.environment", required = true)
  String environment;

  /** The topic the producer would stop publishing. */
  @Parameter(property = "handshake.topic", required = true)
  String topic;

  /** The producer, as its consumers' contracts name their provider. Default: {@code providerName}. */
  @Parameter(property = "handshake.service")
  String service;

  /** The provider name its consumers' contracts use (the {@code verify} goal's parameter). */
  @Parameter(property = "handshake.providerName")
  String providerName;

  @Parameter(property = "handshake.environmentsDirectory", defaultValue = "${project.basedir}/environments")
  File environmentsDirectory;

  @Parameter(property = "handshake.reportDirectory", defaultValue = "${project.build.directory}/handshake")
  File reportDirectory;

  @Parameter(property = "handshake.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("handshake: skipped (handshake.skip=true)");
      return;
    }
    TaskFailures.translate(this::run);
  }

  private void run() throws MojoExecutionException, MojoFailureException {
    Path work = reportDirectory.toPath().resolve("can-i-retire");
    ContractArtifacts artifacts = new ContractArtifacts(repositorySystem, repositorySession,
        project.getRemoteProjectRepositories(), work.resolve("contract-artifacts"));
    boolean named = service != null && !service.isBlank();
    CanIRetireConfiguration config = new CanIRetireConfiguration(named ? service : providerName,
        named ? "<service>" : "<providerName>", topic, environment,
        new EnvironmentFiles(environmentsDirectory.toPath()), artifacts.artifactFiles(),
        project.getBasedir().toPath(), work.resolve("unpacked"), reportDirectory.toPath());
    CanIRetireOutcome outcome = new CanIRetireTask(config, TaskFailures.log(getLog())).run();
    switch (outcome.verdict()) {
      case YES -> {
      }
      case NO -> throw new MojoFailureException(outcome.summary());
      case UNKNOWN -> throw new MojoExecutionException(outcome.summary() + " " + String.join("; ",
          outcome.unknowns()));
    }
  }
}
