package dev.handshake.core.tasks;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegistryUnavailableException;
import dev.handshake.core.history.SchemaDownloader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code download} for every front end. A subject that cannot be downloaded does not cost the others: they are
 * written, and the skipped ones are listed with the reason before the task fails, as bad input when every reason
 * is (a subject or version that does not exist), else as the failure it was (a file that could not be written).
 * An unreachable registry stops it at once.
 */
public final class DownloadTask {
  private final DownloadConfiguration config;
  private final TaskLog log;

  public DownloadTask(DownloadConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  /** @return every file written */
  public List<SchemaDownloader.Downloaded> run() {
    SchemaDownloader downloader = new SchemaDownloader(config.registry());
    List<String> wanted = subjects();
    List<SchemaDownloader.Downloaded> written = new ArrayList<>();
    Map<String, HandshakeException> skipped = new LinkedHashMap<>();
    for (String subject : wanted) {
      try {
        List<SchemaDownloader.Downloaded> files = config.allVersions()
            ? downloader.history(subject, config.outputDirectory())
            : List.of(downloader.one(subject, config.version(), config.outputDirectory()));
        files.forEach(file -> log.info("downloaded " + file.describe()));
        written.addAll(files);
      } catch (RegistryUnavailableException e) {
        throw e;
      } catch (HandshakeException e) {
        skipped.put(subject, e);
      }
    }
    if (config.allVersions()) {
      List<String> downloaded = wanted.stream().filter(subject -> !skipped.containsKey(subject)).toList();
      log.info("downloaded the compatibility levels to " + downloader.levels(downloaded, config.outputDirectory())
          + " (the global level and each subject's own, where the offline check reads them)");
    }
    if (!skipped.isEmpty()) {
      skipped.forEach((subject, reason) -> log.error("skipped subject \"" + subject + "\": " + reason.getMessage()));
      String summary = "skipped " + skipped.size() + " of " + wanted.size() + " subject"
          + (wanted.size() == 1 ? "" : "s") + " (each listed above with the reason); the others were written";
      boolean allBadInput = skipped.values().stream().allMatch(InvalidInputException.class::isInstance);
      throw allBadInput ? new InvalidInputException(summary) : new HandshakeException(summary);
    }
    return written;
  }

  private List<String> subjects() {
    if (!config.subjects().isEmpty()) {
      return config.subjects();
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String pattern : config.subjectPatterns()) {
      try {
        patterns.add(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        throw new InvalidInputException(config.patternsHint() + ": \"" + pattern + "\" is not a regular expression: "
            + e.getDescription(), e);
      }
    }
    List<String> all = config.registry().subjects();
    if (patterns.isEmpty()) {
      return all.stream().sorted().toList();
    }
    List<String> matched = all.stream()
        .filter(subject -> patterns.stream().anyMatch(p -> p.matcher(subject).matches())).sorted().toList();
    if (matched.isEmpty()) {
      throw new InvalidInputException("no subject at " + config.registry().describe() + " matches "
          + config.patternsHint() + " " + config.subjectPatterns() + "; the registry has " + all.size() + " subjects");
    }
    return matched;
  }
}
