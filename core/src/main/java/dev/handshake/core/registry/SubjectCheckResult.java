package dev.handshake.core.registry;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import java.util.List;

/**
 * The verdict of one candidate against a subject's registered history.
 *
 * @param registry where the history came from (URL or directory)
 * @param levelSource why this level applied: given explicitly, the subject's own, or the registry's global one
 * @param versions the subject's live versions, ascending; empty for a new subject
 */
public record SubjectCheckResult(String subject, String candidate, String registry, CompatibilityLevel level,
                                 String levelSource, List<Integer> versions, CompatibilityReport report) {
  public SubjectCheckResult {
    versions = List.copyOf(versions);
  }

  public boolean compatible() {
    return report.compatible();
  }

  public boolean newSubject() {
    return versions.isEmpty();
  }

  /** One line a person reads first: the verdict, the level and what was compared. */
  public String summary() {
    if (newSubject()) {
      return "compatible: subject \"" + subject + "\" has no versions at " + registry + " yet, so " + candidate
          + " will be its first version (level " + level + ", " + levelSource + ")";
    }
    int compared = report.versionsCompared();
    String comparedText = compared == 0 ? "no version compared"
        : "compared with " + compared + " of " + versions.size() + " version" + (versions.size() == 1 ? "" : "s");
    if (compatible()) {
      return "compatible: " + candidate + " for subject \"" + subject + "\" under " + level + " (" + levelSource
          + "; " + comparedText + " at " + registry + ")";
    }
    int count = report.findings().size();
    return "INCOMPATIBLE: " + candidate + " for subject \"" + subject + "\" under " + level + " (" + levelSource
        + "; " + comparedText + " at " + registry + "): " + count + " finding" + (count == 1 ? "" : "s");
  }
}
