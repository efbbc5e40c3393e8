package dev.handshake.core.compat;

import dev.handshake.core.report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link CompatibilityLevel} exactly as Confluent Schema Registry does: a non-transitive level
 * compares the candidate with the latest earlier version only, a transitive level with every earlier version,
 * newest first. Unlike the registry it keeps going after the first incompatible version, so a report lists
 * every finding at once.
 */
public final class CompatibilityChecker {
  private final PairChecker pairChecker = new PairChecker();

  /**
   * @param earlierOldestFirst the subject's registered versions, oldest first (may be empty)
   * @param candidate the schema about to be registered
   */
  public CompatibilityReport check(CompatibilityLevel level, List<SchemaVersion> earlierOldestFirst,
                                   SchemaVersion candidate) {
    List<String> notes = new ArrayList<>();
    if (level == CompatibilityLevel.NONE) {
      notes.add("level NONE: any valid schema is accepted; no earlier version was compared");
      return new CompatibilityReport(level, List.of(), notes, 0);
    }
    if (earlierOldestFirst.isEmpty()) {
      notes.add("no earlier versions: " + candidate.label() + " is the first version, so it is compatible");
      return new CompatibilityReport(level, List.of(), notes, 0);
    }
    List<SchemaVersion> compared = comparedVersions(level, earlierOldestFirst);
    List<Finding> findings = new ArrayList<>();
    for (SchemaVersion earlier : compared) {
      if (level.checksBackward()) {
        findings.addAll(pairChecker.check(candidate, earlier, Direction.BACKWARD));
      }
      if (level.checksForward()) {
        findings.addAll(pairChecker.check(earlier, candidate, Direction.FORWARD));
      }
    }
    return new CompatibilityReport(level, findings, notes, compared.size());
  }

  private static List<SchemaVersion> comparedVersions(CompatibilityLevel level, List<SchemaVersion> oldestFirst) {
    if (!level.isTransitive()) {
      return List.of(oldestFirst.get(oldestFirst.size() - 1));
    }
    List<SchemaVersion> newestFirst = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }
}
