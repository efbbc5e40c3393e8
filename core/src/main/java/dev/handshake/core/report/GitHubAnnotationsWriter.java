package dev.handshake.core.report;

import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.source.Location;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=RULE::message}): printed on a
 * step's standard output, each finding becomes an annotation on the line it points at.
 */
public final class GitHubAnnotationsWriter {
  private GitHubAnnotationsWriter() {
  }

  public static String line(Finding finding) {
    return line(finding, Optional::of, RuleDocs.DEFAULT);
  }

  /**
   * {@code repositoryPath} names the finding's file as GitHub does, relative to the repository root; empty when
   * the location is not a file in the repository (an artifact, a generated schema), and then the annotation
   * carries the location in its text instead of pointing nowhere.
   */
  public static String line(Finding finding, Function<String, Optional<String>> repositoryPath, RuleDocs docs) {
    Location location = finding.location();
    Optional<String> file = repositoryPath.apply(location.file());
    StringBuilder command = new StringBuilder("::").append(level(finding.severity())).append(' ');
    if (file.isPresent()) {
      command.append("file=").append(property(file.get()));
      if (location.line() > 0) {
        command.append(",line=").append(location.line()).append(",col=").append(Math.max(location.column(), 1));
      }
      command.append(',');
    }
    command.append("title=").append(property(finding.rule().name()))
        .append("::").append(data((file.isPresent() ? "" : location.render() + ": ") + finding.message()
            + " Fix: " + finding.fix() + " " + docs.reference(finding.rule())));
    return command.toString();
  }

  public static String lines(List<Finding> findings) {
    return lines(findings, Optional::of, RuleDocs.DEFAULT);
  }

  public static String lines(List<Finding> findings, Function<String, Optional<String>> repositoryPath,
                             RuleDocs docs) {
    StringBuilder out = new StringBuilder();
    findings.forEach(finding -> out.append(line(finding, repositoryPath, docs)).append('\n'));
    return out.toString();
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
    };
  }

  // Escaping as GitHub's runner expects it: message data escapes %, CR and LF; properties also : and ,.
  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
