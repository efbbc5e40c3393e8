package dev.handshake.maven;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.contract.ContractSync;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * A consumer's committed contracts, in one step: the contracts its pact tests just wrote ({@code pactsDirectory},
 * emptied before the tests by {@code clean-pacts}) must equal the committed copy ({@code contractsDirectory}),
 * or the build fails listing each interaction added, removed or changed and the command that refreshes the
 * copy; {@code -Dhandshake.updateContracts=true} refreshes it. Comparison ignores pact-jvm's version stamp, the
 * test method names and the order of interactions. Skipped with the tests ({@code -DskipTests}).
 */
@Mojo(name = "contracts", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ContractsMojo extends AbstractMojo {
  /** Where the consumer's pact tests write (pact-jvm's {@code pact.rootDir}). */
  @Parameter(property = "handshake.pactsDirectory", defaultValue = "${project.build.directory}/pacts")
  File pactsDirectory;

  /** The committed copy the producer's gate reads. */
  @Parameter(property = "handshake.contractsDirectory", defaultValue = "${project.basedir}/contracts")
  File contractsDirectory;

  /** true: copy the fresh contracts over the committed ones instead of comparing. */
  @Parameter(property = "handshake.updateContracts", defaultValue = "false")
  boolean updateContracts;

  /** With the tests skipped no contract was written: nothing to compare. */
  @Parameter(property = "skipTests", defaultValue = "false")
  boolean skipTests;

  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean skipTestCompilation;

  @Parameter(property = "handshake.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoFailureException {
    if (skip || skipTests || skipTestCompilation) {
      getLog().info("handshake: contracts not compared (the tests did not run)");
      return;
    }
    String refresh = RerunCommand.lifecycle("verify -Dhandshake.updateContracts=true", project,
        Path.of(System.getProperty("user.dir")));
    Path committed = contractsDirectory.toPath().normalize();
    ContractSync sync = new ContractSync(pactsDirectory.toPath().normalize(), committed, refresh);
    try {
      if (updateContracts) {
        sync.update().forEach(file -> getLog().info("handshake: updated " + file + "; commit it"));
      } else {
        sync.check();
        getLog().info("handshake: the contracts in " + committed + " match the consumer tests");
      }
    } catch (InvalidInputException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }
}
