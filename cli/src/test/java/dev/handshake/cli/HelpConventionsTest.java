package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The conventions a picocli user expects from every command's help and errors. */
class HelpConventionsTest {
  private static final Pattern URL_OR_PATH = Pattern.compile("[^\\s'\"(]*(?:://|/|\\.avsc|\\.properties)[^\\s'\",;)]*");

  private static List<CommandSpec> commands() {
    List<CommandSpec> all = new ArrayList<>();
    collect(new CommandLine(new HandshakeCli()).getCommandSpec(), all);
    return all;
  }

  private static void collect(CommandSpec spec, List<CommandSpec> all) {
    if (!spec.name().equals("help")) {
      all.add(spec);
    }
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), all));
  }

  private static String help(CommandSpec spec) {
    List<String> args = new ArrayList<>(List.of(spec.qualifiedName(" ").split(" ")));
    args.remove(0);
    args.add("--help");
    RegistryCommandsTest.Result result = RegistryCommandsTest.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
    return result.out();
  }

  @Test
  void aHelpSubcommandShowsACommandsHelp() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("help", "check");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: handshake check");
  }

  @Test
  void everySummaryIsOneWholeSentenceAndListedAsIs() {
    String topLevel = help(new CommandLine(new HandshakeCli()).getCommandSpec());
    for (CommandSpec spec : commands()) {
      String summary = spec.usageMessage().description()[0];
      assertThat(summary).as(spec.qualifiedName()).matches("[A-Z].*[^ ]\\.").doesNotContain(". ")
          .doesNotEndWith(",.");
      if (spec.parent() != null && spec.parent().parent() == null) {
        assertThat(topLevel.replaceAll("\\s+", " ")).contains(summary);
      }
    }
  }

  @Test
  void everyCommandHasExamplesAndTheTopLevelHelpListsExitCodes() {
    for (CommandSpec spec : commands()) {
      String help = help(spec);
      assertThat(help).as(spec.qualifiedName()).contains("\nExamples:\n  handshake ");
      if (spec.parent() == null || !spec.subcommands().isEmpty()) {
        continue;
      }
      assertThat(help).as(spec.qualifiedName()).contains("\nExit codes:\n");
    }
    String topLevel = help(new CommandLine(new HandshakeCli()).getCommandSpec());
    assertThat(topLevel).contains("Exit codes (every command):").contains("  3   the registry cannot be reached");
  }

  @Test
  void urlsAndPathsAreNeverBrokenAcrossLines() {
    for (CommandSpec spec : commands()) {
      String help = help(spec);
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      texts.addAll(List.of(spec.usageMessage().footer()));
      for (OptionSpec option : spec.options()) {
        texts.addAll(List.of(option.description()));
      }
      for (String text : texts) {
        Matcher token = URL_OR_PATH.matcher(text);
        while (token.find()) {
          String value = token.group().replaceAll("[.:]$", "");
          assertThat(help).as(spec.qualifiedName() + " shows " + value + " on one line").contains(value);
        }
      }
    }
  }

  /** Examples are pasted into a shell: a line wrapped in the middle of a command cannot be. */
  @Test
  void everyExampleIsPrintedAsWrittenAndParses() {
    List<String> failures = new ArrayList<>();
    for (CommandSpec spec : commands()) {
      String help = help(spec);
      String[] footer = spec.usageMessage().footer();
      StringBuilder command = new StringBuilder();
      for (String line : footer) {
        if (!help.contains("\n" + line + "\n")) {
          failures.add(spec.qualifiedName() + " --help wraps the example line (over "
              + spec.usageMessage().width() + " columns; continue it with \\): " + line);
        }
        if (!line.startsWith("  handshake ") && command.isEmpty()) {
          continue;
        }
        command.append(line.strip().replaceAll("\\\\$", ""));
        if (!line.endsWith("\\")) {
          String example = command.toString().replaceAll("\\s+#.*$", "");
          command.setLength(0);
          ShellWords.parses(example).ifPresent(error -> failures.add(spec.qualifiedName() + " --help example "
              + example + " does not parse: " + error));
        } else {
          command.append(' ');
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void anUnknownOptionIsNamedAsUnknownWithTheClosestName() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("compat", "--lvl", "BACKWARD", "a.avsc", "b.avsc");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option: '--lvl' (did you mean '--level'?)")
        .doesNotContain("Missing required option");
  }

  @Test
  void downloadVersionAloneIsTheToolsVersionAndTheOldSchemaVersionSpellingStillWorks() {
    RegistryCommandsTest.Result version = RegistryCommandsTest.run("download", "--version");
    RegistryCommandsTest.Result old = RegistryCommandsTest.run("download", "--registry", "http://127.0.0.1:1",
        "--timeout", "1", "--subject", "s", "--version", "x");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out().trim()).startsWith("handshake ");
    assertThat(old.err()).contains("--version VERSION is deprecated").contains("--schema-version x")
        .contains("--schema-version must be a number or latest");
    assertThat(old.exitCode()).isEqualTo(2);
  }
}
