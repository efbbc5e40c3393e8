package dev.handshake.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * A documented {@code handshake ...} command line as a shell splits it, parsed (never run) by the CLI's picocli
 * model: quotes group words, {@code $(...)} stays one word, a redirection or pipe ends the command.
 */
final class ShellWords {
  private static final Set<String> ENDS = Set.of(">", ">>", "|", "&&", "||", ";", "2>", "2>&1", "&");

  private ShellWords() {
  }

  /** Empty when the CLI parses {@code line} ({@code handshake}, {@code ./handshake} or {@code java -jar X.jar}). */
  static Optional<String> parses(String line) {
    List<String> words = split(line);
    int start = words.get(0).equals("java") ? 3 : 1;
    List<String> args = new ArrayList<>();
    for (String word : words.subList(start, words.size())) {
      if (ENDS.contains(word) || word.startsWith(">")) {
        break;
      }
      args.add(word);
    }
    try {
      new CommandLine(new HandshakeCli()).parseArgs(args.toArray(String[]::new));
      return Optional.empty();
    } catch (CommandLine.ParameterException e) {
      return Optional.of(e.getMessage());
    }
  }

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' || c == '"') {
        int close = line.indexOf(c, i + 1);
        word.append(line, i + 1, close < 0 ? line.length() : close);
        i = close < 0 ? line.length() : close;
        inWord = true;
      } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        int close = line.indexOf(')', i);
        word.append(line, i, close < 0 ? line.length() : close + 1);
        i = close < 0 ? line.length() : close;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
