package dev.handshake.maven;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaDownloader;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads the latest schema of every subject matching {@code subjectPatterns} to
 * {@code outputDirectory/<subject>.avsc}; with {@code allVersions}, every version to
 * {@code outputDirectory/history/<subject>/vN.avsc}, the layout the offline check reads.
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
    List<Pattern> patterns = new ArrayList<>();
    for (String pattern : subjectPatterns) {
      try {
        patterns.add(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        throw new InvalidInputException("<subjectPatterns>: \"" + pattern + "\" is not a regular expression: "
            + e.getDescription(), e);
      }
    }
    RestSchemaRegistry registry = restRegistry("download");
    SchemaDownloader downloader = new SchemaDownloader(registry);
    List<String> matched = registry.subjects().stream()
        .filter(subject -> patterns.stream().anyMatch(p -> p.matcher(subject).matches())).sorted().toList();
    if (matched.isEmpty()) {
      throw new MojoFailureException("no subject at " + registry.describe() + " matches <subjectPatterns> "
          + subjectPatterns + "; the registry has " + registry.subjects().size() + " subjects");
    }
    for (String subject : matched) {
      List<SchemaDownloader.Downloaded> written = allVersions
          ? downloader.history(subject, outputDirectory.toPath())
          : List.of(downloader.one(subject, null, outputDirectory.toPath()));
      written.forEach(file -> getLog().info("downloaded " + file.describe()));
    }
  }
}
