package dev.handshake.core.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching rules of one category (the message body), by Pact path expression ({@code $.email},
 * {@code $.roles[*].name}), in the order the contract lists them.
 */
public record MatchingRules(Map<String, RuleGroup> byPath) {

  public static final MatchingRules NONE = new MatchingRules(Map.of());

  public MatchingRules {
    byPath = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPath));
  }

  /** The matchers for one path and how their results combine. */
  public record RuleGroup(boolean combineWithAnd, List<Rule> rules) {
    public RuleGroup {
      rules = List.copyOf(rules);
    }
  }

  /**
   * One matcher: its {@code match} type and its parameters as the contract wrote them ({@code regex},
   * {@code format}, {@code min}, {@code max}, {@code value}).
   */
  public record Rule(String match, Map<String, Object> parameters) {
    public Rule {
      parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public String text(String name) {
      Object value = parameters.get(name);
      return value == null ? null : value.toString();
    }

    /** The nested rules of eachKey / eachValue. */
    @SuppressWarnings("unchecked")
    public List<Rule> nested() {
      Object value = parameters.get("rules");
      return value instanceof List<?> list ? (List<Rule>) list : List.of();
    }

    /** The variants of arrayContains. */
    @SuppressWarnings("unchecked")
    List<MatchingRulesReader.ArrayContainsVariant> variants() {
      Object value = parameters.get("variants");
      return value instanceof List<?> list ? (List<MatchingRulesReader.ArrayContainsVariant>) list : List.of();
    }

    public Integer integer(String name) {
      Object value = parameters.get(name);
      return value instanceof Number number ? number.intValue() : null;
    }

    /** The rule as the contract states it, for messages: {@code regex ".+@.+"}, {@code type (min 1)}. */
    public String describe() {
      return switch (match) {
        case "regex" -> "regex \"" + text("regex") + "\"";
        case "timestamp", "date", "time", "datetime" -> RuleMatcher.format(this) == null ? match
            : match + " \"" + RuleMatcher.format(this) + "\"";
        case "include" -> "include \"" + text("value") + "\"";
        case "contentType" -> "contentType \"" + text("value") + "\"";
        case "arrayContains" -> "arrayContains (" + variants().size() + " variant(s))";
        case "type" -> "type" + bounds();
        case "eachKey", "eachValue" -> match + " " + nested().stream().map(Rule::describe).toList();
        default -> match + bounds();
      };
    }

    private String bounds() {
      Integer min = integer("min");
      Integer max = integer("max");
      if (min == null && max == null) {
        return "";
      }
      return " (" + (min == null ? "" : "min " + min) + (min != null && max != null ? ", " : "")
          + (max == null ? "" : "max " + max) + ")";
    }
  }
}
