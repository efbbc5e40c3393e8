package dev.handshake.core.usage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The field-usage map as GitHub-flavoured Markdown, short enough for a job summary
 * ({@code cat target/handshake/usage.md >> $GITHUB_STEP_SUMMARY}): a table per subject, then the advice.
 */
public final class UsageMarkdownWriter {
  private UsageMarkdownWriter() {
  }

  public static String write(UsageMap map) {
    StringBuilder out = new StringBuilder("## Handshake field usage\n\n");
    out.append(map.consumers().size()).append(" consumer(s)")
        .append(map.consumers().isEmpty() ? "" : ": " + String.join(", ", map.consumers())).append(". ");
    out.append(map.fields().size()).append(" field(s): ").append(counts(map)).append(".\n");
    for (String subject : map.subjects()) {
      out.append("\n### ").append(subject).append("\n\n").append(topics(map, subject))
          .append("| Field | Type | Read by | Verdict |\n| --- | --- | --- | --- |\n");
      for (FieldUsage field : map.fields()) {
        if (field.subject().equals(subject)) {
          out.append("| `").append(cell(field.path())).append("` | ").append(cell(field.type().isEmpty() ? "-"
              : field.type())).append(" | ").append(cell(readers(field))).append(" | ")
              .append(label(field.verdict())).append(" |\n");
        }
      }
    }
    List<FieldUsage> advised = map.fields().stream().filter(f -> f.verdict() != FieldVerdict.IN_USE).toList();
    if (!advised.isEmpty()) {
      out.append("\n### What the producer may do\n\n");
      for (FieldUsage field : advised) {
        out.append("- `").append(field.subject()).append(' ').append(field.path()).append("`: ")
            .append(field.advice())
            .append(field.consumers().isEmpty() ? "" : " (" + readers(field) + ")")
            .append(field.removedFrom().map(f -> "; last in " + f).orElse("")).append(".\n");
      }
    }
    if (!map.unmatched().isEmpty()) {
      out.append("\n### Reader schemas no producer schema defines\n\n");
      map.unmatched().forEach(u -> out.append("- ").append(u).append('\n'));
    }
    return out.toString();
  }

  static String readers(FieldUsage field) {
    return field.consumers().isEmpty() ? "nobody"
        : field.consumers().stream().map(ConsumerUse::describe).collect(Collectors.joining(", "));
  }

  /** Which consumers read the subject from which topic: {@code Read from `user-events` by auth-service.} */
  private static String topics(UsageMap map, String subject) {
    Map<String, Set<String>> byTopic = new TreeMap<>();
    map.fields().stream().filter(f -> f.subject().equals(subject)).flatMap(f -> f.consumers().stream())
        .forEach(use -> use.topics().forEach(t -> byTopic.computeIfAbsent(t, k -> new TreeSet<>())
            .add(use.consumer())));
    if (byTopic.isEmpty()) {
      return "";
    }
    return "Read from " + byTopic.entrySet().stream().map(e -> "`" + cell(e.getKey()) + "` by "
        + String.join(", ", e.getValue())).collect(Collectors.joining("; ")) + ".\n\n";
  }

  private static String counts(UsageMap map) {
    return java.util.Arrays.stream(FieldVerdict.values())
        .filter(v -> !map.withVerdict(v).isEmpty())
        .map(v -> map.withVerdict(v).size() + " " + label(v))
        .collect(Collectors.joining(", "));
  }

  private static String label(FieldVerdict verdict) {
    return verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
