package dev.handshake.maven;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.tasks.CheckConfiguration;
import dev.handshake.core.tasks.CheckOutcome;
import dev.handshake.core.tasks.CheckTask;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    List<CheckConfiguration.Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, File> entry : subjects.entrySet()) {
      List<SchemaReference> subjectReferences = Reference.of(references, entry.getKey());
      candidates.add(new CheckConfiguration.Candidate(entry.getKey(), schemaOf(entry.getKey(), entry.getValue(),
          new SubjectCheck(registry).resolveReferences(subjectReferences)), subjectReferences,
          levelFor(entry.getKey())));
    }
    CheckOutcome outcome = new CheckTask(new CheckConfiguration(registry, candidates, Optional.empty(), ruleDocs()),
        taskLog()).run();
    FailOnce failOnce = new FailOnce(project, mojoExecution, getLog());
    if (outcome.refusal().isPresent()) {
      // the findings and the registry's verdict are printed above, once; the failure names the subjects and the command
      failOnce.fail(outcome.refusal().get() + " (each printed above). Fix the schemas as each finding says; re-run "
          + "with " + rerun("check") + ".");
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
}
