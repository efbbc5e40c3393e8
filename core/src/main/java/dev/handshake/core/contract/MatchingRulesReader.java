package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.source.SourcePositions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads an interaction's {@code matchingRules}: the body's rules (V4 writes them under {@code body}, the Pact
 * V4 message spec under {@code content}: both are read) and the {@code metadata} rules, which Handshake applies
 * to the record's key and headers. A category with rules that Handshake does not apply is refused: ignoring it
 * would pass a producer the consumer's own verifier might fail.
 */
final class MatchingRulesReader {
  static final List<String> BODY_CATEGORIES = List.of("body", "content");
  static final String METADATA = "metadata";

  /** The body's rules, and the metadata rules by metadata key ({@code metadataPointer} locates them). */
  record Categories(MatchingRules body, Map<String, MatchingRules.RuleGroup> metadata, String metadataPointer) {
    static final Categories NONE = new Categories(MatchingRules.NONE, Map.of(), "");
  }

  private final BiFunction<String, String, ContractInvalidException> invalid;

  /** {@code invalid} makes the error for a JSON pointer and a message. */
  MatchingRulesReader(BiFunction<String, String, ContractInvalidException> invalid) {
    this.invalid = invalid;
  }

  Categories read(JsonNode interaction, String pointer) {
    JsonNode all = interaction.get("matchingRules");
    String rulesPointer = pointer + "/matchingRules";
    if (all == null && interaction.path("contents").has("matchingRules")) {
      all = interaction.path("contents").get("matchingRules");
      rulesPointer = pointer + "/contents/matchingRules";
    }
    if (all == null || all.isNull()) {
      return Categories.NONE;
    }
    if (!all.isObject()) {
      throw invalid.apply(rulesPointer, "\"matchingRules\" is not a JSON object of category → rules.");
    }
    Map<String, MatchingRules.RuleGroup> body = new LinkedHashMap<>();
    Map<String, MatchingRules.RuleGroup> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> category : all.properties()) {
      String name = category.getKey();
      String categoryPointer = rulesPointer + "/" + SourcePositions.escape(name);
      JsonNode rules = category.getValue();
      if (!rules.isObject()) {
        throw invalid.apply(categoryPointer, "\"matchingRules." + name + "\" is not a JSON object of path → rules.");
      }
      if (BODY_CATEGORIES.contains(name)) {
        readBody(rules, categoryPointer, body);
      } else if (name.equals(METADATA)) {
        for (Map.Entry<String, JsonNode> entry : rules.properties()) {
          String key = entry.getKey();
          metadata.put(key, group(entry.getValue(), key, categoryPointer + "/" + SourcePositions.escape(key)));
        }
      } else if (!rules.isEmpty()) {
        throw invalid.apply(categoryPointer, "matching rules of category \"" + name + "\" are not ones a message "
            + "gate applies (it applies \"body\" or \"content\" to the event and \"metadata\" to the key and "
            + "headers); ignoring them would pass what the consumer's contract rules out. Remove them, or state "
            + "the expectation under one of those categories.");
      }
    }
    return new Categories(new MatchingRules(body), metadata, rulesPointer + "/" + METADATA);
  }

  private void readBody(JsonNode rules, String categoryPointer, Map<String, MatchingRules.RuleGroup> into) {
    for (Map.Entry<String, JsonNode> entry : rules.properties()) {
      String path = entry.getKey();
      String groupPointer = categoryPointer + "/" + SourcePositions.escape(path);
      checkPath(path, groupPointer);
      if (into.containsKey(path)) {
        throw invalid.apply(groupPointer, "the rules for \"" + path + "\" are stated under both \"body\" and "
            + "\"content\"; keep them in one category.");
      }
      into.put(path, group(entry.getValue(), path, groupPointer));
    }
  }

  private void checkPath(String path, String pointer) {
    try {
      PactPath.parse(path);
    } catch (IllegalArgumentException e) {
      throw invalid.apply(pointer, "matching rule path \"" + path + "\" is not a valid Pact path: "
          + e.getMessage() + ".");
    }
  }

  private MatchingRules.RuleGroup group(JsonNode group, String path, String pointer) {
    JsonNode matchers = group.get("matchers");
    if (matchers == null || !matchers.isArray()) {
      throw invalid.apply(pointer, "the rules for \"" + path + "\" have no \"matchers\" array; V4 writes "
          + "{\"combine\": \"AND\", \"matchers\": [{\"match\": \"type\"}]}.");
    }
    String combine = group.path("combine").asText("AND");
    if (!combine.equalsIgnoreCase("AND") && !combine.equalsIgnoreCase("OR")) {
      throw invalid.apply(pointer + "/combine", "\"combine\" for \"" + path + "\" is \"" + combine
          + "\"; it must be AND or OR.");
    }
    List<MatchingRules.Rule> rules = new ArrayList<>();
    for (int i = 0; i < matchers.size(); i++) {
      rules.add(rule(matchers.get(i), path, pointer + "/matchers/" + i, "matcher " + i));
    }
    return new MatchingRules.RuleGroup(combine.equalsIgnoreCase("AND"), rules);
  }

  private MatchingRules.Rule rule(JsonNode matcher, String path, String matcherPointer, String name) {
    if (!matcher.isObject()) {
      throw invalid.apply(matcherPointer, name + " for \"" + path + "\" is not a JSON object.");
    }
    String match = matchType(matcher, path, matcherPointer, name);
    if (!RuleMatcher.SUPPORTED.contains(match)) {
      throw invalid.apply(matcherPointer + "/match", "matcher \"" + match + "\" for \"" + path
          + "\" is not one Handshake applies (supported: " + String.join(", ", RuleMatcher.SUPPORTED)
          + "). Use one of those in the consumer's contract test.");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> parameter : matcher.properties()) {
      JsonNode value = parameter.getValue();
      String key = parameter.getKey();
      if (key.equals("match")) {
        continue;
      }
      if (key.equals("rules") && value.isArray()) {
        // eachKey / eachValue carry the rules they apply to every key or value
        List<MatchingRules.Rule> nested = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          nested.add(rule(value.get(i), path, matcherPointer + "/rules/" + i, "rule " + i + " of " + name));
        }
        parameters.put(key, List.copyOf(nested));
      } else if (key.equals("variants") && match.equals("arrayContains")) {
        parameters.put(key, variants(value, path, matcherPointer + "/variants"));
      } else {
        parameters.put(key, value.isNumber() ? value.numberValue() : value.isTextual() ? value.textValue()
            : value.toString());
      }
    }
    MatchingRules.Rule rule = new MatchingRules.Rule(match, parameters);
    String problem = RuleMatcher.validate(rule);
    if (problem != null) {
      throw invalid.apply(matcherPointer, name + " for \"" + path + "\": " + problem);
    }
    return rule;
  }

  /**
   * The matcher's type. Pact V2 wrote rules without one ({@code {"min": 1}}, {@code {"regex": "..."}}); they
   * are read as pact-jvm reads them: a regex, or a type match with bounds, or a date/time format.
   */
  private String matchType(JsonNode matcher, String path, String pointer, String name) {
    JsonNode match = matcher.get("match");
    if (match != null) {
      if (!match.isTextual()) {
        throw invalid.apply(pointer + "/match", name + " for \"" + path + "\" has a \"match\" that is not a string.");
      }
      return match.textValue();
    }
    if (matcher.has("regex")) {
      return "regex";
    }
    if (matcher.has("min") || matcher.has("max")) {
      return "type";
    }
    for (String format : List.of("timestamp", "date", "time")) {
      if (matcher.has(format)) {
        return format;
      }
    }
    throw invalid.apply(pointer, name + " for \"" + path + "\" has no \"match\" type, and none follows from its "
        + "parameters (\"regex\", \"min\"/\"max\", \"timestamp\"/\"date\"/\"time\").");
  }

  /** arrayContains: each variant is an expected element (by index) with rules relative to that element. */
  private List<ArrayContainsVariant> variants(JsonNode variants, String path, String pointer) {
    if (!variants.isArray() || variants.isEmpty()) {
      throw invalid.apply(pointer, "an arrayContains matcher for \"" + path + "\" needs a non-empty "
          + "\"variants\" array.");
    }
    List<ArrayContainsVariant> out = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      JsonNode variant = variants.get(i);
      String variantPointer = pointer + "/" + i;
      JsonNode index = variant.get("index");
      if (index == null || !index.canConvertToInt() || index.intValue() < 0) {
        throw invalid.apply(variantPointer, "variant " + i + " of the arrayContains matcher for \"" + path
            + "\" has no \"index\" of the expected element.");
      }
      Map<String, MatchingRules.RuleGroup> rules = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : variant.path("rules").properties()) {
        String rulePointer = variantPointer + "/rules/" + SourcePositions.escape(entry.getKey());
        checkPath(entry.getKey(), rulePointer);
        rules.put(entry.getKey(), group(entry.getValue(), path + " variant " + i + " " + entry.getKey(),
            rulePointer));
      }
      out.add(new ArrayContainsVariant(index.intValue(), new MatchingRules(rules)));
    }
    return List.copyOf(out);
  }

  /** One variant of an arrayContains matcher: the expected element's index and rules relative to it. */
  record ArrayContainsVariant(int index, MatchingRules rules) {
  }
}
