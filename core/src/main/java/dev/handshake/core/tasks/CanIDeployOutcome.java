package dev.handshake.core.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What can-i-deploy answered.
 *
 * @param counterparts every counterpart and its verdict, in the order of the table
 * @param deployable   true when every counterpart says yes (or is unknown and unknowns are ignored)
 * @param report       the JSON report written (can-i-deploy.json)
 * @param summary      the last line printed: the answer and why
 */
public record CanIDeployOutcome(List<Counterpart> counterparts, boolean deployable, Path report, String summary) {
  public CanIDeployOutcome {
    counterparts = List.copyOf(counterparts);
  }

  public Optional<String> failure() {
    return deployable ? Optional.empty() : Optional.of(summary);
  }
}
