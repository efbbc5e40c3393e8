package dev.handshake.core.tasks;

import dev.handshake.core.report.Finding;
import java.util.List;
import java.util.Optional;

/** What {@link CheckTask} found: one result per candidate, in order. */
public record CheckOutcome(List<SubjectCheckResult> results) {
  public CheckOutcome {
    results = List.copyOf(results);
  }

  public List<String> refusedSubjects() {
    return results.stream().filter(result -> !result.compatible()).map(SubjectCheckResult::subject).toList();
  }

  /** The findings of the refused subjects. */
  public List<Finding> findings() {
    return results.stream().filter(result -> !result.compatible())
        .flatMap(result -> result.report().findings().stream()).toList();
  }

  public boolean compatible() {
    return refusedSubjects().isEmpty();
  }

  /** What refused the candidates, e.g. "2 compatibility findings in subject a"; empty when all are compatible. */
  public Optional<String> refusal() {
    return compatible() ? Optional.empty() : Optional.of(Refusal.describe(findings().size(), refusedSubjects()));
  }
}
