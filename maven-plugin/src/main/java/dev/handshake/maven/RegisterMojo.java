package dev.handshake.maven;

import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.tasks.RegisterTask;
import java.io.File;
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
 * Registers each configured schema under its subject. Every schema is checked first, under the levels the
 * registry applies: if any is incompatible nothing is registered and the build fails with all findings, so a
 * release never ends half-registered. An identical schema keeps its id.
 */
@Mojo(name = "register", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class RegisterMojo extends AbstractRegistryMojo {

  /** Subject → schema file, registered in this order. */
  @Parameter
  Map<String, File> subjects = new LinkedHashMap<>();

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (subjects == null || subjects.isEmpty()) {
      throw new MojoFailureException("handshake:register has no <subjects>: add <subjects><my.Subject>"
          + "path/to/Schema.avsc</my.Subject></subjects>");
    }
    RestSchemaRegistry registry = restRegistry("register");
    List<RegisterTask.Candidate> candidates = new ArrayList<>();
    SubjectCheck resolver = new SubjectCheck(registry);
    for (Map.Entry<String, File> entry : subjects.entrySet()) {
      List<SchemaReference> subjectReferences = Reference.of(references, entry.getKey());
      candidates.add(new RegisterTask.Candidate(entry.getKey(), schemaOf(entry.getKey(), entry.getValue(),
          resolver.resolveReferences(subjectReferences)), subjectReferences));
    }
    RegisterTask.RegisterOutcome outcome = new RegisterTask(registry, ruleDocs(), taskLog()).run(candidates);
    if (outcome.refused()) {
      // each finding and the registry's verdict are printed above, once
      throw new MojoFailureException("nothing was registered: " + outcome.refusal() + " (each printed above). Fix "
          + "the schemas as each finding says; check with " + rerun("check") + " before deploying.");
    }
  }
}
