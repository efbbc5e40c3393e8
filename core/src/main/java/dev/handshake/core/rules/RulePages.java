package dev.handshake.core.rules;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.SimilarNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The rule pages of docs/rules/, shipped in this jar (the build copies them; they are kept once, in docs/rules),
 * so the CLI and the plugin explain a rule with no network and no checkout: {@code handshake explain RULE}.
 */
public final class RulePages {
  private static final String DIRECTORY = "/dev/handshake/core/rules/pages/";

  private RulePages() {
  }

  /** Misspelt IDs, and the IDs a part of one names (FIELD_REMOVED: FIELD_REMOVED_WITHOUT_DEFAULT). */
  private static List<String> close(String id, List<String> ids) {
    String wanted = id.toUpperCase(java.util.Locale.ROOT);
    java.util.Set<String> close = new java.util.LinkedHashSet<>(SimilarNames.closeTo(id, ids));
    if (wanted.length() >= 3) {
      ids.stream().filter(known -> known.contains(wanted)).forEach(close::add);
    }
    return List.copyOf(close);
  }

  /** The Markdown page of {@code id}; an unknown ID is refused naming the IDs close to it. */
  public static String page(String id) {
    List<String> ids = Arrays.stream(Rule.values()).map(Rule::name).toList();
    if (id == null || !ids.contains(id)) {
      List<String> close = id == null ? List.of() : close(id.strip(), ids);
      throw new InvalidInputException("no rule \"" + id + "\"; " + (close.isEmpty()
          ? "the rules are " + String.join(", ", ids) : "did you mean " + String.join(", ", close) + "?"));
    }
    try (InputStream in = RulePages.class.getResourceAsStream(DIRECTORY + id + ".md")) {
      if (in == null) {
        throw new IllegalStateException(DIRECTORY + id + ".md is missing from the jar; the build copies docs/rules");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the page of " + id, e);
    }
  }
}
