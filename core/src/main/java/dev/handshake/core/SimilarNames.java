package dev.handshake.core;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** "Did you mean": names within a small edit distance of a mistyped one, closest first. */
public final class SimilarNames {
  private SimilarNames() {
  }

  /** Names at most two edits away (three for long names), or equal ignoring case; closest first. */
  public static List<String> closeTo(String wanted, List<String> names) {
    String lower = wanted.toLowerCase(Locale.ROOT);
    int allowed = wanted.length() > 20 ? 3 : 2;
    return names.stream()
        .filter(name -> !name.equals(wanted))
        .map(name -> new Scored(name, distance(lower, name.toLowerCase(Locale.ROOT))))
        .filter(scored -> scored.distance() <= allowed)
        .sorted(java.util.Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .map(Scored::name)
        .toList();
  }

  public static String quoted(List<String> names) {
    return names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
  }

  private record Scored(String name, int distance) {
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
