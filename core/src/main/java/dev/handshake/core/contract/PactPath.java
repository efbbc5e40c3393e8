package dev.handshake.core.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * A Pact matching-rule path expression ({@code $.roles[*].name}, {@code $.*}, {@code $['odd key']}) and
 * how it applies to a concrete body path, with Pact's semantics: an expression applies to every path it
 * matches a prefix of (rules cascade to children), and among the expressions that apply, the heaviest wins
 * (an exact name or index weighs 2, a wildcard 1, multiplied along the path).
 */
record PactPath(String expression, List<Token> tokens) {

  sealed interface Token permits Field, Index, AnyField, AnyIndex {
  }

  record Field(String name) implements Token {
  }

  record Index(int index) implements Token {
  }

  record AnyField() implements Token {
  }

  record AnyIndex() implements Token {
  }

  static PactPath parse(String expression) {
    String text = expression.strip();
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("it must start with \"$\"");
    }
    List<Token> tokens = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
          i++;
        }
        String name = text.substring(start, i);
        if (name.isEmpty()) {
          throw new IllegalArgumentException("empty field name at character " + start);
        }
        tokens.add(name.equals("*") ? new AnyField() : new Field(name));
      } else if (c == '[') {
        int close;
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          close = text.indexOf("']", i + 2);
          if (close < 0) {
            throw new IllegalArgumentException("unterminated ['...'] at character " + i);
          }
          tokens.add(new Field(text.substring(i + 2, close)));
          i = close + 2;
        } else {
          close = text.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("unterminated [ at character " + i);
          }
          String inside = text.substring(i + 1, close).strip();
          if (inside.equals("*")) {
            tokens.add(new AnyIndex());
          } else if (inside.matches("\\d+")) {
            tokens.add(new Index(Integer.parseInt(inside)));
          } else {
            throw new IllegalArgumentException("\"[" + inside + "]\" is neither an index, [*] nor ['name']");
          }
          i = close + 1;
        }
      } else {
        throw new IllegalArgumentException("unexpected \"" + c + "\" at character " + i);
      }
    }
    return new PactPath(expression, List.copyOf(tokens));
  }

  /** Whether this expression matches {@code path} or one of its ancestors (Pact rules cascade). */
  boolean appliesTo(List<Segment> path) {
    if (tokens.size() > path.size()) {
      return false;
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (weight(tokens.get(i), path.get(i)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether this expression names exactly {@code path}, not an ancestor of it. */
  boolean isExactlyFor(List<Segment> path) {
    return tokens.size() == path.size() && appliesTo(path);
  }

  long weight(List<Segment> path) {
    long weight = 2; // the root
    for (int i = 0; i < tokens.size() && i < path.size(); i++) {
      weight *= weight(tokens.get(i), path.get(i));
    }
    return weight;
  }

  private static int weight(Token token, Segment segment) {
    if (token instanceof Field field) {
      return !segment.isIndex() && field.name().equals(segment.name()) ? 2 : 0;
    }
    if (token instanceof Index index) {
      return segment.isIndex() && segment.index() == index.index() ? 2 : 0;
    }
    if (token instanceof AnyIndex) {
      return segment.isIndex() ? 1 : 0;
    }
    return 1;
  }

  /** One step of a concrete path: an object key or an array index. */
  record Segment(String name, int index) {
    static Segment key(String name) {
      return new Segment(name, -1);
    }

    static Segment at(int index) {
      return new Segment(null, index);
    }

    boolean isIndex() {
      return index >= 0;
    }

    String text() {
      return isIndex() ? Integer.toString(index) : name;
    }
  }
}
