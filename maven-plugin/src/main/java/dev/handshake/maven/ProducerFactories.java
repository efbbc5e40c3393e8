package dev.handshake.maven;

import dev.handshake.core.gate.FactoryFork;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The producer's class path for its {@code @PactVerifyProvider} factories, which core's {@code FactoryFork} runs
 * as Surefire runs tests: the project's test class path first (its versions win), then the plugin's own (core,
 * Avro, Jackson).
 */
final class ProducerFactories {
  private ProducerFactories() {
  }

  static List<Path> classpath(MavenProject project) throws MojoExecutionException {
    List<Path> classpath = new ArrayList<>();
    try {
      project.getTestClasspathElements().forEach(element -> classpath.add(Path.of(element)));
      if (ProducerFactories.class.getClassLoader() instanceof URLClassLoader plugin) {
        for (URL url : plugin.getURLs()) {
          classpath.add(Path.of(url.toURI()));
        }
      } else {
        classpath.addAll(FactoryFork.handshakeClasspath());
      }
    } catch (DependencyResolutionRequiredException | URISyntaxException e) {
      throw new MojoExecutionException("Handshake verify could not build the project's test class path", e);
    }
    return classpath;
  }
}
