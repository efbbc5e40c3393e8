package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands the README and the docs print are run by people as printed: every {@code handshake} command in a
 * fenced shell block parses with the CLI's own model, every {@code handshake:<goal>} names a goal the plugin has,
 * and every relative link points at a file of the repository.
 */
class DocsCommandsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern GOAL = Pattern.compile("(?<![\\w.-])handshake:([a-z][a-z-]*)");
  private static final Pattern MOJO = Pattern.compile("@Mojo\\(name = \"([a-z-]+)\"");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern CLI_COMMAND = Pattern.compile("^(?:\\./handshake|handshake|java -jar \\S*handshake\\.jar) .*");

  static List<Path> docs() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(file -> file.toString().endsWith(".md"))
          .filter(file -> !ROOT.relativize(file).toString().matches("(?:.*/)?(?:target|\\.m2repo|\\.git|node_modules)/.*"))
          .filter(file -> !ROOT.relativize(file).startsWith(Path.of("maven-plugin", "src", "it")))
          .sorted().toList();
    }
  }

  @Test
  void everyHandshakeCommandInTheDocsParses() throws IOException {
    List<String> failures = new ArrayList<>();
    int commands = 0;
    for (Path doc : docs()) {
      for (String command : shellCommands(Files.readAllLines(doc))) {
        if (CLI_COMMAND.matcher(command).matches()) {
          commands++;
          String where = ROOT.relativize(doc) + ": " + command;
          ShellWords.parses(command).ifPresent(error -> failures.add(where + "\n    " + error));
        }
      }
    }
    assertThat(commands).as("handshake commands found in the docs").isGreaterThan(10);
    assertThat(failures).as("documented commands the CLI does not parse").isEmpty();
  }

  /** A script or pom a documented command names ({@code ./demo/gate-demo.sh}, {@code -f example-user/pom.xml}). */
  @Test
  void everyScriptAndPomTheDocsCommandsNameExists() throws IOException {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Path doc : docs()) {
      for (String command : shellCommands(Files.readAllLines(doc))) {
        List<String> words = ShellWords.split(command);
        for (int i = 0; i < words.size(); i++) {
          String word = words.get(i);
          boolean script = i == 0 && word.startsWith("./");
          boolean pom = i > 0 && words.get(i - 1).equals("-f") && word.endsWith("pom.xml");
          if (script || pom) {
            checked++;
            if (!Files.exists(ROOT.resolve(word))) {
              missing.add(ROOT.relativize(doc) + ": " + command);
            }
          }
        }
      }
    }
    assertThat(checked).as("scripts and poms named by documented commands").isGreaterThan(5);
    assertThat(missing).as("documented commands naming a file the repository does not have").isEmpty();
  }

  @Test
  void everyGoalTheDocsNameExists() throws IOException {
    Set<String> goals = pluginGoals();
    assertThat(goals).contains("check", "verify", "help");
    Set<String> unknown = new TreeSet<>();
    for (Path doc : docs()) {
      Matcher goal = GOAL.matcher(Files.readString(doc));
      while (goal.find()) {
        if (!goals.contains(goal.group(1))) {
          unknown.add(ROOT.relativize(doc) + ": handshake:" + goal.group(1));
        }
      }
    }
    assertThat(unknown).as("goals the plugin does not have (it has %s)", goals).isEmpty();
  }

  @Test
  void everyRelativeLinkPointsIntoTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : docs()) {
      Matcher link = LINK.matcher(Files.readString(doc));
      while (link.find()) {
        String target = link.group(1).replaceAll("#.*$", "");
        if (target.isEmpty() || target.matches("[a-z]+:.*")) {
          continue;
        }
        Path file = doc.getParent().resolve(target).normalize();
        if (!file.startsWith(ROOT) || !Files.exists(file)) {
          broken.add(ROOT.relativize(doc) + " -> " + link.group(1));
        }
      }
    }
    assertThat(broken).as("links to files that are not in the repository").isEmpty();
  }

  /** An adopter on an older Java learns the floor from the page they read, not from a class-version error. */
  @Test
  void everyUserFacingPageStatesTheJavaFloor() throws IOException {
    for (String page : List.of("README.md", "docs/kafka.md", "docs/verify.md", "docs/registry.md", "junit5/README.md")) {
      assertThat(Files.readString(ROOT.resolve(page))).as(page).containsPattern("Java 17|JDK 17");
    }
    assertThat(Files.readString(ROOT.resolve("pom.xml"))).as("the floor the docs state is the one built for")
        .contains("<maven.compiler.release>17</maven.compiler.release>");
  }

  /** The goals of handshake-maven-plugin's Mojos, and help (maven-plugin-plugin's helpmojo, in its pom). */
  private static Set<String> pluginGoals() throws IOException {
    Set<String> goals = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(ROOT.resolve("maven-plugin/src/main/java"))) {
      for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
        Matcher mojo = MOJO.matcher(Files.readString(source));
        while (mojo.find()) {
          goals.add(mojo.group(1));
        }
      }
    }
    if (Files.readString(ROOT.resolve("maven-plugin/pom.xml")).contains("<goal>helpmojo</goal>")) {
      goals.add("help");
    }
    return goals;
  }

  /** The commands of fenced shell blocks, continuation lines joined and trailing comments dropped. */
  static List<String> shellCommands(List<String> lines) {
    List<String> commands = new ArrayList<>();
    boolean inShell = false;
    StringBuilder command = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith("```")) {
        inShell = !inShell && line.matches("```(?:bash|sh|shell|console)?\\s*");
        continue;
      }
      if (!inShell) {
        continue;
      }
      String text = line.strip().replaceAll("\\s+#\\s.*$", "").replaceFirst("^\\$ ", "");
      if (text.endsWith("\\")) {
        command.append(text, 0, text.length() - 1).append(' ');
        continue;
      }
      command.append(text);
      if (!command.toString().isBlank() && !command.toString().startsWith("#")) {
        commands.add(command.toString().strip());
      }
      command.setLength(0);
    }
    return commands;
  }
}
