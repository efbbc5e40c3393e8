package dev.handshake.core.report;

import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=RULE::message}): printed on a
 * step's standard output, each finding becomes an annotation on the line it points at.
 */
public final class GitHubAnnotationsWriter {
  private GitHubAnnotationsWriter() {
  }

  public static String line(Finding finding) {
    Location location = finding.location();
    StringBuilder command = new StringBuilder("::").append(level(finding.severity()))
        .append(" file=").append(property(location.file()));
    if (location.line() > 0) {
      command.append(",line=").append(location.line()).append(",col=").append(Math.max(location.column(), 1));
    }
    command.append(",title=").append(property(finding.rule()))
        .append("::").append(data(finding.message() + " Fix: " + finding.fix() + " See " + finding.docsPath()));
    return command.toString();
  }

  public static String lines(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    findings.forEach(finding -> out.append(line(finding)).append('\n'));
    return out.toString();
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
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
