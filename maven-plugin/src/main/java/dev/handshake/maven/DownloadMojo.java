package dev.handshake.maven;

import dev.handshake.core.tasks.DownloadConfiguration;
import dev.handshake.core.tasks.DownloadTask;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads the latest schema of every subject matching {@code subjectPatterns} to
 * {@code outputDirectory/<subject>.avsc}; with {@code allVersions}, every version to
 * {@code outputDirectory/history/<subject>/vN.avsc} and the levels to {@code outputDirectory/compatibility.properties},
 * the layout the offline check reads.
 */
@Mojo(name = "download", threadSafe = true)
public class DownloadMojo extends AbstractRegistryMojo {

  /** Regular expressions; a subject matching any of them is downloaded. */
  @Parameter(property = "handshake.subjectPatterns", defaultValue = ".*")
  List<String> subjectPatterns;

  @Parameter(property = "handshake.outputDirectory", defaultValue = "${project.build.directory}/schemas")
  File outputDirectory;

  /** Download every version into the offline history layout instead of the latest only. */
  @Parameter(property = "handshake.allVersions", defaultValue = "false")
  boolean allVersions;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    new DownloadTask(new DownloadConfiguration(restRegistry("download"), List.of(),
        subjectPatterns == null || subjectPatterns.isEmpty() ? List.of(".*") : subjectPatterns, "<subjectPatterns>",
        null, allVersions, outputDirectory.toPath()), taskLog()).run();
  }
}
