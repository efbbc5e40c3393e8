package dev.handshake.core.tasks;

import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.schema.SchemaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code register} for every front end: every schema is checked first, under the levels the registry applies,
 * and if any is incompatible nothing is registered, so a release never ends half-registered; then each is
 * registered in order. Each finding is printed once, here.
 */
public final class RegisterTask {
  private final SchemaRegistry registry;
  private final RuleDocs docs;
  private final TaskLog log;

  /** A schema to register: its subject, the parsed file, and the named types it takes from other subjects. */
  public record Candidate(String subject, SchemaFile schema, List<SchemaReference> references) {
    public Candidate {
      references = List.copyOf(references);
    }
  }

  /** A registered schema: its id, and its version when the registry says. */
  public record Registered(String subject, int id, Optional<Integer> version) {
  }

  /**
   * @param refusedSubjects the subjects a check refused; when any, nothing was registered
   * @param findings        the findings of the refused subjects (empty when only the registry's verdict refused)
   */
  public record RegisterOutcome(List<Registered> registered, List<String> refusedSubjects, List<Finding> findings) {
    public boolean refused() {
      return !refusedSubjects.isEmpty();
    }

    /** What refused the candidates, in {@code check}'s words. */
    public String refusal() {
      return Refusal.describe(findings.size(), refusedSubjects);
    }
  }

  public RegisterTask(SchemaRegistry registry, RuleDocs docs, TaskLog log) {
    this.registry = registry;
    this.docs = docs;
    this.log = log;
  }

  public RegisterOutcome run(List<Candidate> candidates) {
    // The check is check's own, under the registry's levels: what register refuses, check refuses too.
    CheckOutcome checked = new CheckTask(new CheckConfiguration(registry, candidates.stream()
        .map(c -> new CheckConfiguration.Candidate(c.subject(), c.schema(), c.references(), null)).toList(),
        Optional.empty(), docs), log).run();
    if (!checked.compatible()) {
      return new RegisterOutcome(List.of(), checked.refusedSubjects(), checked.findings());
    }
    List<Registered> registered = new ArrayList<>();
    for (Candidate candidate : candidates) {
      RegistrySchema schema = new RegistrySchema(candidate.schema().text(), candidate.references());
      int id = registry.register(candidate.subject(), schema);
      Optional<Integer> version = registry.lookup(candidate.subject(), schema).map(RegisteredSchema::version);
      log.info("registered " + candidate.schema().displayPath() + " as subject " + candidate.subject() + " version "
          + version.map(String::valueOf).orElse("?") + ", id " + id + " at " + registry.describe());
      registered.add(new Registered(candidate.subject(), id, version));
    }
    return new RegisterOutcome(registered, List.of(), List.of());
  }
}
