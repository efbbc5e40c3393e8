package dev.handshake.maven;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.registry.SubjectCheck;
import dev.handshake.core.registry.SubjectCheckResult;
import dev.handshake.core.report.Finding;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks each configured schema against its subject's history, under the subject's level (or
 * {@code compatibilityLevels}), with Handshake's engine: transitive levels compare with every version, and the
 * build fails listing every finding with its rule ID, location and fix. History comes from
 * {@code schemaRegistryUrls} when set, else offline from {@code schemasDirectory}
 * ({@code history/<subject>/vN.avsc}, {@code compatibility.properties}). A subject without versions passes.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRegistryMojo {

  /** Subject → candidate schema file, e.g. {@code <dev.example.UserCreated>schemas/UserCreated.avsc</...>}. */
  @Parameter
  Map<String, File> subjects = new LinkedHashMap<>();

  /** Subject → level to apply instead of the registry's (NONE, BACKWARD, ..., FULL_TRANSITIVE). */
  @Parameter
  Map<String, String> compatibilityLevels = new LinkedHashMap<>();

  /** Offline history, used when no {@code schemaRegistryUrls} are given. */
  @Parameter(property = "handshake.schemasDirectory", defaultValue = "${project.basedir}/schemas")
  File schemasDirectory;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (subjects == null || subjects.isEmpty()) {
      throw new MojoFailureException("handshake:check has no <subjects>: add <subjects><my.Subject>"
          + "path/to/Schema.avsc</my.Subject></subjects> (subject → candidate schema file)");
    }
    SchemaRegistry registry = registryOrOffline(schemasDirectory);
    getLog().info("handshake: checking " + subjects.size() + " subject" + (subjects.size() == 1 ? "" : "s")
        + " against " + (hasRegistryUrls() ? "the registry at " : "the offline history in ") + registry.describe());
    SubjectCheck check = new SubjectCheck(registry);
    SchemaLoader loader = new SchemaLoader();
    List<Finding> findings = new ArrayList<>();
    List<String> failedSubjects = new ArrayList<>();
    for (Map.Entry<String, File> entry : subjects.entrySet()) {
      String subject = entry.getKey();
      CompatibilityLevel override = levelFor(subject);
      List<SchemaReference> subjectReferences = Reference.of(references, subject);
      SchemaFile candidate = load(loader, subject, entry.getValue(), check.resolveReferences(subjectReferences));
      SubjectCheckResult result = check.check(subject, candidate, subjectReferences, override);
      for (Finding finding : result.report().findings()) {
        getLog().error(line(finding));
      }
      if (result.compatible()) {
        getLog().info(result.summary());
      } else {
        result.registryLines().forEach(getLog()::error);
        getLog().error(result.summary());
        findings.addAll(result.report().findings());
        // The registry's verdict counts even where Handshake's engine found nothing: registering would fail.
        failedSubjects.add(subject);
      }
    }
    FailOnce failOnce = new FailOnce(project, mojoExecution, getLog());
    if (!failedSubjects.isEmpty()) {
      // the findings and the registry's verdict are printed above, once; the failure names the subjects and the command
      String what = findings.isEmpty()
          ? "the registry refused subject" + (failedSubjects.size() == 1 ? " " : "s ") + String.join(", ", failedSubjects)
          : findings.size() + " compatibility finding" + (findings.size() == 1 ? "" : "s") + " in subject"
              + (failedSubjects.size() == 1 ? " " : "s ") + String.join(", ", failedSubjects);
      failOnce.fail(what + " (each printed above). Fix the schemas as each finding says; re-run with "
          + rerun("check") + ".");
      return;
    }
    failOnce.passed();
  }

  private CompatibilityLevel levelFor(String subject) {
    if (compatibilityLevels == null || !compatibilityLevels.containsKey(subject)) {
      return null;
    }
    return CompatibilityLevel.parse(compatibilityLevels.get(subject), "<compatibilityLevels><" + subject + ">");
  }

  private SchemaFile load(SchemaLoader loader, String subject, File file, List<SchemaFile> referenced) {
    if (file == null) {
      throw new InvalidInputException("<subjects><" + subject + "> has no file; give the candidate .avsc path");
    }
    Path path = resolve(file);
    try {
      return loader.parse(display(path), Files.readString(path, StandardCharsets.UTF_8), referenced);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("<subjects><" + subject + ">: schema file " + path + " does not exist", e);
    } catch (IOException e) {
      throw new InvalidInputException("<subjects><" + subject + ">: cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
