package dev.handshake.core.tasks;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of one candidate against a subject's registered history: Handshake's engine (the findings) and,
 * where the registry judges compatibility itself, the registry's own verdict. Compatible only when both agree.
 *
 * @param registry where the history came from (URL or directory)
 * @param level the level Handshake's engine applied
 * @param levelSource why this level applied: given explicitly, the subject's own, or the registry's global one
 * @param versions the subject's live versions, ascending; empty for a new subject
 * @param registryVerdict what the registry answered, or null when it was not asked (offline, new subject)
 */
public record SubjectCheckResult(String subject, String candidate, String registry, CompatibilityLevel level,
                                 String levelSource, List<Integer> versions, CompatibilityReport report,
                                 RegistryVerdict registryVerdict) {
  public SubjectCheckResult {
    versions = List.copyOf(versions);
  }

  public SubjectCheckResult(String subject, String candidate, String registry, CompatibilityLevel level,
                            String levelSource, List<Integer> versions, CompatibilityReport report) {
    this(subject, candidate, registry, level, levelSource, versions, report, null);
  }

  public Optional<RegistryVerdict> verdict() {
    return Optional.ofNullable(registryVerdict);
  }

  /** Compatible for Handshake's engine and, when asked, for the registry. */
  public boolean compatible() {
    return report.compatible() && (registryVerdict == null || registryVerdict.compatible());
  }

  /** True when the registry was asked and its verdict differs from Handshake's engine. */
  public boolean disagrees() {
    return registryVerdict != null && registryVerdict.compatible() != report.compatible();
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
    String registrySaid = registryVerdict == null ? "" : "; the registry's own check: " + registryVerdict.describe();
    if (compatible()) {
      return "compatible: " + candidate + " for subject \"" + subject + "\" under " + level + " (" + levelSource
          + "; " + comparedText + " at " + registry + ")" + registrySaid;
    }
    int count = report.findings().size();
    return "INCOMPATIBLE: " + candidate + " for subject \"" + subject + "\" under " + level + " (" + levelSource
        + "; " + comparedText + " at " + registry + "): " + count + " finding" + (count == 1 ? "" : "s")
        + registrySaid;
  }

  /**
   * Lines about the registry's own verdict for a report: its reasons when it refused, and when it disagrees
   * with Handshake's engine, which level each side used and which verdict stands. Empty when not asked.
   */
  public List<String> registryLines() {
    List<String> lines = new ArrayList<>();
    if (registryVerdict == null) {
      return lines;
    }
    registryVerdict.messages().forEach(message -> lines.add("registry: " + message));
    if (disagrees()) {
      String engine = "Handshake's engine under " + level + " (" + levelSource + ") found "
          + (report.compatible() ? "the candidate compatible" : report.findings().size() + " finding"
              + (report.findings().size() == 1 ? "" : "s"));
      String registrySide = "the registry's own check under " + registryVerdict.level() + " ("
          + registryVerdict.levelSource() + ") says " + (registryVerdict.compatible() ? "compatible" : "incompatible");
      lines.add("DISAGREEMENT: " + engine + ", but " + registrySide + ". The check fails: "
          + (registryVerdict.compatible() ? "the findings above would break the consumers this level protects."
              : "registering this schema would be refused. Set the level you mean with 'handshake "
                  + "set-compatibility' or check with the registry's level."));
    }
    return lines;
  }
}
