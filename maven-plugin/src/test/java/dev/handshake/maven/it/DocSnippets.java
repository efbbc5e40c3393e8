package dev.handshake.maven.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The configuration snippets of README.md and docs/, as the invoker scenarios build them. A snippet is the
 * fenced block right after a {@code <!-- snippet: NAME -->} line in the Markdown file; a scenario's
 * {@code prebuild.groovy} pastes it into its pom template (at {@code <!-- snippet -->}), so a snippet that stops
 * working fails the build and the docs cannot drift from what is tested.
 */
public final class DocSnippets {
  static final String PLACEHOLDER = "<!-- snippet -->";

  private DocSnippets() {
  }

  /** The repository root of the invoker's clone ({@code maven-plugin/target/it/<scenario>}). */
  public static Path repositoryRoot(File scenario) {
    Path root = scenario.toPath().toAbsolutePath().normalize().getParent().getParent().getParent().getParent();
    if (!Files.isRegularFile(root.resolve("README.md")) || !Files.isDirectory(root.resolve("docs"))) {
      throw new IllegalStateException("expected the repository root (README.md, docs/) at " + root);
    }
    return root;
  }

  /** The text of the fenced block after {@code <!-- snippet: name -->} in {@code markdown}. */
  public static String extract(Path markdown, String name) throws IOException {
    List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    String marker = "<!-- snippet: " + name + " -->";
    int at = lines.indexOf(marker);
    if (at < 0) {
      throw new IllegalStateException(markdown + " has no line " + marker);
    }
    if (at + 1 >= lines.size() || !lines.get(at + 1).startsWith("```")) {
      throw new IllegalStateException(markdown + ": the line after " + marker + " must open a fenced block");
    }
    StringBuilder snippet = new StringBuilder();
    for (int i = at + 2; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        return snippet.toString();
      }
      snippet.append(lines.get(i)).append('\n');
    }
    throw new IllegalStateException(markdown + ": the block after " + marker + " is not closed");
  }

  /**
   * Writes {@code target} from {@code template} with the snippet in place of {@code <!-- snippet -->}.
   * {@code replacements} are the values a reader adapts (a registry URL, artifact coordinates); each must occur
   * in the snippet, so a changed snippet fails here instead of passing untested.
   */
  public static String paste(Path template, Path target, String snippet, Map<String, String> replacements)
      throws IOException {
    String adapted = snippet;
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      if (!adapted.contains(replacement.getKey())) {
        throw new IllegalStateException("the snippet no longer contains \"" + replacement.getKey()
            + "\", which the scenario replaces with \"" + replacement.getValue() + "\":\n" + snippet);
      }
      adapted = adapted.replace(replacement.getKey(), replacement.getValue());
    }
    String pom = Files.readString(template, StandardCharsets.UTF_8);
    if (!pom.contains(PLACEHOLDER)) {
      throw new IllegalStateException(template + " has no " + PLACEHOLDER);
    }
    Files.writeString(target, pom.replace(PLACEHOLDER, adapted), StandardCharsets.UTF_8);
    return adapted;
  }

  /** Copies a directory of the repository (e.g. contracts/) into the scenario. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
