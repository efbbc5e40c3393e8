package dev.handshake.cli;

import dev.handshake.core.SimilarNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Finds options a command line gave that the command does not have, with the closest known names. */
final class UnknownOptions {
  private UnknownOptions() {
  }

  /** "Unknown option: '--lvl' (did you mean '--level'?)", or empty when every option is known. */
  static Optional<String> describe(CommandSpec command, String[] args) {
    Set<String> known = command.optionsMap().keySet();
    List<String> unknown = new ArrayList<>();
    boolean afterDoubleDash = false;
    for (String arg : args) {
      if (arg.equals("--")) {
        afterDoubleDash = true;
      }
      if (afterDoubleDash || !arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!known.contains(name) && !isNegativeNumber(name) && !isOptionOfParent(command, name)) {
        unknown.add(name);
      }
    }
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder message = new StringBuilder("Unknown option" + (unknown.size() == 1 ? "" : "s") + ": ");
    for (int i = 0; i < unknown.size(); i++) {
      String name = unknown.get(i);
      List<String> similar = SimilarNames.closeTo(name, List.copyOf(known));
      message.append(i == 0 ? "" : ", ").append('\'').append(name).append('\'');
      if (!similar.isEmpty()) {
        message.append(" (did you mean '").append(similar.get(0)).append("'?)");
      }
    }
    return Optional.of(message.toString());
  }

  private static boolean isOptionOfParent(CommandSpec command, String name) {
    for (CommandSpec parent = command.parent(); parent != null; parent = parent.parent()) {
      OptionSpec option = parent.findOption(name);
      if (option != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNegativeNumber(String arg) {
    return arg.length() > 1 && arg.substring(1).chars().allMatch(Character::isDigit);
  }
}
