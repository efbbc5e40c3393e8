package dev.handshake.core.tasks;

import dev.handshake.core.gate.GateReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link VerifyTask} found and wrote.
 *
 * @param report  every finding; null when there was nothing to verify
 * @param files   the report files written
 * @param failure why the build must fail (the summary, with what to do), or empty
 */
public record VerifyOutcome(GateReport report, List<Path> files, Optional<String> failure) {
  static VerifyOutcome nothingToVerify() {
    return new VerifyOutcome(null, List.of(), Optional.empty());
  }

  public boolean failed() {
    return failure.isPresent();
  }
}
