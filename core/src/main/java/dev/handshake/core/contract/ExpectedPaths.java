package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.contract.PactPath.AnyField;
import dev.handshake.core.contract.PactPath.AnyIndex;
import dev.handshake.core.contract.PactPath.Field;
import dev.handshake.core.contract.PactPath.Index;
import dev.handshake.core.contract.PactPath.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an interaction's expectations name a value of the event: its expected content has a value there, or
 * one of its body matching rules names that value or a value inside it. A rule on an ancestor only is not
 * counted: it constrains the values the expected content lists, which are counted already.
 *
 * <p>A path is the list of steps from the event's root in the reader's names: a field name, {@link #ANY_INDEX}
 * (every element of an array) or {@link #ANY_KEY} (every value of a map).
 */
public final class ExpectedPaths {
  public static final String ANY_INDEX = "[*]";
  public static final String ANY_KEY = "*";

  private ExpectedPaths() {
  }

  public static boolean names(MessageInteraction interaction, List<String> path) {
    return hasExpectedValue(interaction.body(), path, 0) || ruleNames(interaction.bodyRules(), path);
  }

  private static boolean hasExpectedValue(JsonNode node, List<String> path, int at) {
    if (node == null || node.isMissingNode()) {
      return false;
    }
    if (at == path.size()) {
      return true;
    }
    String step = path.get(at);
    if (step.equals(ANY_INDEX)) {
      if (!node.isArray()) {
        return false;
      }
      for (JsonNode element : node) {
        if (hasExpectedValue(element, path, at + 1)) {
          return true;
        }
      }
      return false;
    }
    if (!node.isObject()) {
      return false;
    }
    if (step.equals(ANY_KEY)) {
      List<JsonNode> values = new ArrayList<>();
      node.elements().forEachRemaining(values::add);
      return values.stream().anyMatch(value -> hasExpectedValue(value, path, at + 1));
    }
    return hasExpectedValue(node.get(step), path, at + 1);
  }

  private static boolean ruleNames(MatchingRules rules, List<String> path) {
    for (String expression : rules.byPath().keySet()) {
      List<Token> tokens;
      try {
        tokens = PactPath.parse(expression).tokens();
      } catch (IllegalArgumentException e) {
        continue; // the gate reports an unreadable path as CONTRACT_INVALID
      }
      if (tokens.size() >= path.size() && prefixMatches(tokens, path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixMatches(List<Token> tokens, List<String> path) {
    for (int i = 0; i < path.size(); i++) {
      Token token = tokens.get(i);
      String step = path.get(i);
      boolean matches = switch (step) {
        case ANY_INDEX -> token instanceof Index || token instanceof AnyIndex;
        case ANY_KEY -> token instanceof Field || token instanceof AnyField;
        default -> token instanceof AnyField || token instanceof Field field && field.name().equals(step);
      };
      if (!matches) {
        return false;
      }
    }
    return true;
  }
}
