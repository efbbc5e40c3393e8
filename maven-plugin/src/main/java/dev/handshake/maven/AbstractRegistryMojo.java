package dev.handshake.maven;

import dev.handshake.core.history.LocalSchemaRegistry;
import dev.handshake.core.registry.RegistryConnection;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import dev.handshake.core.files.ProjectPaths;
import dev.handshake.core.tasks.TaskLog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every registry goal shares: where the registry is and how to log in, with the parameter names of
 * Confluent's kafka-schema-registry-maven-plugin; core's typed exceptions become Maven's in {@link TaskFailures}.
 */
abstract class AbstractRegistryMojo extends AbstractMojo {
  static final String URLS_HINT = TaskFailures.URLS_HINT;

  /** Registry base URLs (Confluent API), tried in turn; e.g. http://localhost:8081 or .../apis/ccompat/v7. */
  @Parameter(property = "handshake.schemaRegistryUrls")
  List<String> schemaRegistryUrls;

  /** HTTP basic credentials {@code user:password} (Confluent's basic.auth.user.info). Never logged. */
  @Parameter(property = "handshake.userInfoConfig")
  String userInfoConfig;

  /** Bearer token for the registry. Never logged. */
  @Parameter(property = "handshake.bearerAuthToken")
  String bearerAuthToken;

  /** Seconds to wait for each registry answer. */
  @Parameter(property = "handshake.registryTimeoutSeconds", defaultValue = "30")
  int registryTimeoutSeconds;

  /** The URL a copy of the rule pages is under ({@code See <url>/<RULE>.md}); without it findings name handshake:explain. */
  @Parameter(property = "handshake.rulesDocsUrl")
  String rulesDocsUrl;

  @Parameter(property = "handshake.skip", defaultValue = "false")
  boolean skip;

  /**
   * Subject → the types its schema takes from other registered subjects, as Confluent's plugin names them:
   * {@code <references><my.Subject><reference><name/><subject/><version/></reference></my.Subject></references>}.
   */
  @Parameter
  Map<String, List<Reference>> references = new LinkedHashMap<>();

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("handshake: skipped (handshake.skip=true)");
      return;
    }
    TaskFailures.translate(this::run);
  }

  abstract void run() throws MojoExecutionException, MojoFailureException;

  boolean hasRegistryUrls() {
    return connection().hasUrls();
  }

  private RegistryConnection connection() {
    return new RegistryConnection(schemaRegistryUrls, "<schemaRegistryUrls>", userInfoConfig, "<userInfoConfig>",
        bearerAuthToken, "<bearerAuthToken>", registryTimeoutSeconds, "<registryTimeoutSeconds>");
  }

  /** The REST registry; the goal cannot run without one. */
  RestSchemaRegistry restRegistry(String goal) throws MojoFailureException {
    if (!hasRegistryUrls()) {
      throw new MojoFailureException("handshake:" + goal + " needs a registry: set " + URLS_HINT);
    }
    return connection().connect();
  }

  /** The REST registry when URLs are configured, else the offline history under {@code schemasDirectory}. */
  SchemaRegistry registryOrOffline(File schemasDirectory) throws MojoFailureException {
    if (hasRegistryUrls()) {
      return restRegistry("check");
    }
    if (schemasDirectory == null || !schemasDirectory.isDirectory()) {
      throw new MojoFailureException("no registry and no offline history: set " + URLS_HINT + ", or keep the "
          + "registered versions under <schemasDirectory> (now " + schemasDirectory + ") as history/<subject>/vN.avsc");
    }
    return new LocalSchemaRegistry(schemasDirectory.toPath(), display(schemasDirectory.toPath()));
  }

  /** A configured file, resolved against the project directory when relative. */
  Path resolve(File file) {
    Path path = file.toPath();
    return path.isAbsolute() ? path : basedir.toPath().resolve(path);
  }

  RuleDocs ruleDocs() {
    return new RuleDocs(rulesDocsUrl, RuleDocs.MAVEN_EXPLAIN);
  }

  TaskLog taskLog() {
    return TaskFailures.log(getLog());
  }

  /** The schema file configured for {@code <subjects><subject>}, parsed, named relative to the project. */
  SchemaFile schemaOf(String subject, File file) {
    return schemaOf(subject, file, List.of());
  }

  /** The same, for a schema that uses named types of the schemas {@code referenced} (its resolved references). */
  SchemaFile schemaOf(String subject, File file, List<SchemaFile> referenced) {
    if (file == null) {
      throw new InvalidInputException("<subjects><" + subject + "> has no file; give the .avsc path");
    }
    Path path = resolve(file);
    try {
      return new SchemaLoader().parse(display(path), Files.readString(path, StandardCharsets.UTF_8), referenced);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("<subjects><" + subject + ">: schema file " + path + " does not exist", e);
    } catch (IOException e) {
      throw new HandshakeIOException("<subjects><" + subject + ">: cannot read schema file " + path, e);
    }
  }

  /** The command that re-runs {@code goal} with the configuration this build uses. */
  String rerun(String goal) {
    return RerunCommand.of(goal, mojoExecution, project, Path.of(System.getProperty("user.dir")));
  }

  String display(Path file) {
    return ProjectPaths.display(file, basedir.toPath());
  }
}
