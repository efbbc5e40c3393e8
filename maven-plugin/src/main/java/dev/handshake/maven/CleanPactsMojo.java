package dev.handshake.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Empties {@code pactsDirectory} before the consumer's tests: pact-jvm merges into the files it finds there, so
 * an interaction whose test was removed would linger and {@code contracts} could not see it go.
 */
@Mojo(name = "clean-pacts", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true)
public class CleanPactsMojo extends AbstractMojo {
  /** Where the consumer's pact tests write (pact-jvm's {@code pact.rootDir}). */
  @Parameter(property = "handshake.pactsDirectory", defaultValue = "${project.build.directory}/pacts")
  File pactsDirectory;

  @Parameter(property = "handshake.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    Path directory = pactsDirectory.toPath();
    if (skip || !Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new MojoExecutionException("could not empty " + directory + " before the pact tests: " + e.getMessage(), e);
    }
  }
}
