package dev.handshake.core.tasks;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.schema.SchemaFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code check} needs from a front end (the {@code check} goal, {@code handshake check}).
 *
 * @param registry     where each subject's history is: a registry, or the offline history
 * @param candidates   the schemas to check, in order; every one is checked before the verdict
 * @param localHistory a local copy of the registry's history, so findings in a registered version point at its
 *                     file there; empty when there is none
 */
public record CheckConfiguration(SchemaRegistry registry, List<Candidate> candidates, Optional<Path> localHistory,
                                 RuleDocs ruleDocs) {
  public CheckConfiguration {
    candidates = List.copyOf(candidates);
  }

  /**
   * A schema to check against its subject's history.
   *
   * @param levelOverride the level to apply instead of the registry's, or null to ask the registry
   */
  public record Candidate(String subject, SchemaFile schema, List<SchemaReference> references,
                          CompatibilityLevel levelOverride) {
    public Candidate {
      references = List.copyOf(references);
    }
  }
}
