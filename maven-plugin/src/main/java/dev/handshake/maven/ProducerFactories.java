package dev.handshake.maven;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.gate.FactoryFork;
import dev.handshake.core.gate.PactVerifyProviderFactories;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The producer's {@code @PactVerifyProvider} factories, run as Surefire runs tests: in a forked JVM in the
 * module's directory with its test class path ({@link FactoryFork}), so relative paths and the producer's own
 * library versions behave as in its tests, whichever directory Maven was started from.
 */
final class ProducerFactories {
  private ProducerFactories() {
  }

  static PactVerifyProviderFactories run(MavenProject project, Path workDirectory, Duration timeout)
      throws MojoExecutionException {
    List<Path> classDirectories = List.of(Path.of(project.getBuild().getTestOutputDirectory()),
        Path.of(project.getBuild().getOutputDirectory()));
    FactoryFork fork = new FactoryFork(Path.of(System.getProperty("java.home"), "bin", "java"),
        classpath(project), project.getBasedir().toPath(), workDirectory, timeout);
    try {
      return fork.run(classDirectories);
    } catch (IOException | HandshakeException e) {
      throw new MojoExecutionException("Handshake verify could not run the @PactVerifyProvider factories: "
          + e.getMessage(), e);
    }
  }

  /** The project's test class path first (its versions win), then the plugin's own: core, Avro, Jackson. */
  private static List<Path> classpath(MavenProject project) throws MojoExecutionException {
    List<Path> classpath = new ArrayList<>();
    try {
      project.getTestClasspathElements().forEach(element -> classpath.add(Path.of(element)));
      if (ProducerFactories.class.getClassLoader() instanceof URLClassLoader plugin) {
        for (URL url : plugin.getURLs()) {
          classpath.add(Path.of(url.toURI()));
        }
      } else {
        classpath.add(Path.of(FactoryFork.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
      }
    } catch (DependencyResolutionRequiredException | URISyntaxException e) {
      throw new MojoExecutionException("Handshake verify could not build the project's test class path", e);
    }
    return classpath;
  }
}
