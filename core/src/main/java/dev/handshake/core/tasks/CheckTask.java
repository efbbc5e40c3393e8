package dev.handshake.core.tasks;

import dev.handshake.core.report.Finding;
import dev.handshake.core.report.TextReportWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check} for every front end: each candidate against its subject's history, under the subject's level
 * (or the one given), every candidate checked before the verdict so one build lists every finding. Each
 * finding, note and verdict is printed once, here; the front end only says how the run ends.
 */
public final class CheckTask {
  private final CheckConfiguration config;
  private final TaskLog log;

  public CheckTask(CheckConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  public CheckOutcome run() {
    SubjectCheck check = new SubjectCheck(config.registry());
    config.localHistory().ifPresent(check::withLocalHistory);
    List<SubjectCheckResult> results = new ArrayList<>();
    for (CheckConfiguration.Candidate candidate : config.candidates()) {
      SubjectCheckResult result = check.check(candidate.subject(), candidate.schema(), candidate.references(),
          candidate.levelOverride());
      for (Finding finding : result.report().findings()) {
        log.error(TextReportWriter.line(finding, config.ruleDocs()));
      }
      result.report().notes().forEach(note -> log.info("note: " + note));
      if (result.compatible()) {
        log.info(result.summary());
      } else {
        // The registry's verdict counts even where Handshake's engine found nothing: registering would fail.
        result.registryLines().forEach(log::error);
        log.error(result.summary());
      }
      results.add(result);
    }
    return new CheckOutcome(results);
  }
}
