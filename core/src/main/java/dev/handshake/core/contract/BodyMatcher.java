package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.avro.JsonPaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches an actual JSON body against the expected body and its matching rules, as Pact's JSON body
 * matcher does for messages: keys the contract does not list are allowed (the consumer ignores them);
 * without a rule, values must be equal; a rule applies to its path and cascades to the children; on arrays
 * with a rule, every actual element is compared with the first expected one; a {@code values} rule on a map
 * compares every entry with the expected entry regardless of its key.
 */
public final class BodyMatcher {
  private final List<Map.Entry<PactPath, MatchingRules.RuleGroup>> rules;
  private final Function<List<String>, String> pointers;

  private BodyMatcher(MatchingRules rules, Function<List<String>, String> pointers) {
    this.rules = rules.byPath().entrySet().stream()
        .map(e -> Map.entry(PactPath.parse(e.getKey()), e.getValue())).toList();
    this.pointers = pointers;
  }

  /**
   * Every mismatch between the interaction's expected body and {@code actual}. A missing body (no content) matches
   * any; an empty one ({@code ""}, Pact's empty body) only an empty message, as the Pact specification says.
   */
  public static List<Mismatch> match(MessageInteraction interaction, JsonNode actual) {
    if (interaction.body() == null) {
      return List.of();
    }
    if (interaction.body().isTextual() && interaction.body().textValue().isEmpty()) {
      boolean empty = actual == null || actual.isMissingNode() || actual.isTextual() && actual.textValue().isEmpty();
      return empty ? List.of() : List.of(new Mismatch(Mismatch.Kind.VALUE, "$", interaction.bodyPointer(List.of()),
          "an empty body", Json.render(actual), "equality", "expected an empty body (the contract's content is \"\", "
          + "which only an empty message matches; a contract that leaves content out matches any body) but it was "
          + Json.render(actual)));
    }
    return match(interaction.body(), interaction.bodyRules(), actual, "$", interaction::bodyPointer);
  }

  /**
   * Every mismatch between {@code expected} with its {@code rules} and {@code actual}: the body's semantics for
   * any JSON value (a record's key, a header). {@code root} names the value's root in messages ({@code $},
   * {@code key}); {@code pointers} locates a path (its segments) in the contract file.
   */
  public static List<Mismatch> match(JsonNode expected, MatchingRules rules, JsonNode actual, String root,
                                     Function<List<String>, String> pointers) {
    List<Mismatch> out = new ArrayList<>();
    new BodyMatcher(rules, pointers).compare(new ArrayList<>(), root, expected, actual, out);
    return out;
  }

  private void compare(List<PactPath.Segment> path, String text, JsonNode expected, JsonNode actual,
                       List<Mismatch> out) {
    Optional<Best> typed = best(path).filter(b -> !b.cascaded && b.group.rules().stream()
        .anyMatch(r -> r.match().equals("contentType")));
    if (typed.isPresent()) {
      // as pact-jvm: a contentType rule says what the value is, and replaces comparing it with the example
      applyGroup(typed.get(), path, text, expected, actual, out);
      return;
    }
    if (expected.isArray() && actual != null && actual.isArray()) {
      compareArrays(path, text, expected, actual, out);
    } else if (expected.isObject() && actual != null && actual.isObject()) {
      compareObjects(path, text, expected, actual, out);
    } else {
      compareValues(path, text, expected, actual, out);
    }
  }

  private void compareValues(List<PactPath.Segment> path, String text, JsonNode expected, JsonNode actual,
                             List<Mismatch> out) {
    Optional<Best> best = best(path);
    if (best.isPresent()) {
      applyGroup(best.get(), path, text, expected, actual, out);
      return;
    }
    if (!Json.same(expected, actual)) {
      Mismatch.Kind kind = Json.sameKind(expected, actual) ? Mismatch.Kind.VALUE : Mismatch.Kind.TYPE;
      out.add(new Mismatch(kind, text, pointer(path), Json.render(expected), Json.render(actual), "equality",
          "expected " + text + " to equal " + Json.render(expected) + " (no matcher, so the value is compared "
              + "exactly) but it was " + Json.render(actual)));
    }
  }

  private void compareObjects(List<PactPath.Segment> path, String text, JsonNode expected, JsonNode actual,
                              List<Mismatch> out) {
    Optional<Best> best = best(path);
    best.ifPresent(b -> applyGroup(b, path, text, expected, actual, out));
    boolean valuesRule = best.isPresent() && !best.get().cascaded
        && best.get().group.rules().stream().anyMatch(r -> STRUCTURAL.contains(r.match()));
    if (best.isPresent() && !best.get().cascaded) {
      eachEntry(best.get().group, path, text, expected, actual, out);
    }
    if (valuesRule && expected.size() > 0) {
      JsonNode firstExpected = expected.elements().next();
      for (Map.Entry<String, JsonNode> entry : actual.properties()) {
        JsonNode expectedValue = expected.has(entry.getKey()) ? expected.get(entry.getKey()) : firstExpected;
        compare(child(path, entry.getKey()), JsonPaths.child(text, entry.getKey()), expectedValue, entry.getValue(),
            out);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> entry : expected.properties()) {
      String key = entry.getKey();
      List<PactPath.Segment> childPath = child(path, key);
      String childText = JsonPaths.child(text, key);
      if (!actual.has(key)) {
        out.add(new Mismatch(Mismatch.Kind.MISSING, childText, pointer(childPath), Json.render(entry.getValue()),
            "missing", "presence", "expected " + childText + " (like " + Json.render(entry.getValue())
                + ") but the event, decoded with the consumer's reader schema, has no such field"));
        continue;
      }
      compare(childPath, childText, entry.getValue(), actual.get(key), out);
    }
  }

  private void compareArrays(List<PactPath.Segment> path, String text, JsonNode expected, JsonNode actual,
                             List<Mismatch> out) {
    Optional<Best> best = best(path);
    if (best.isPresent()) {
      applyGroup(best.get(), path, text, expected, actual, out);
      if (!best.get().cascaded && arrayContains(best.get().group, path, text, expected, actual, out)) {
        return; // the elements are compared with the variants, in any position
      }
      if (expected.isEmpty()) {
        return;
      }
      for (int i = 0; i < actual.size(); i++) {
        JsonNode expectedItem = i < expected.size() ? expected.get(i) : expected.get(0);
        compare(index(path, i), JsonPaths.index(text, i), expectedItem, actual.get(i), out);
      }
      return;
    }
    if (expected.size() != actual.size()) {
      out.add(new Mismatch(Mismatch.Kind.VALUE, text, pointer(path), expected.size() + " element(s)",
          actual.size() + " element(s)", "equality", "expected " + text + " to have exactly " + expected.size()
              + " element(s) (no matcher, so the array is compared exactly) but it had " + actual.size()));
    }
    for (int i = 0; i < expected.size(); i++) {
      if (i < actual.size()) {
        compare(index(path, i), JsonPaths.index(text, i), expected.get(i), actual.get(i), out);
      }
    }
  }

  private void applyGroup(Best best, List<PactPath.Segment> path, String text, JsonNode expected, JsonNode actual,
                          List<Mismatch> out) {
    List<Mismatch> failures = new ArrayList<>();
    int passed = 0;
    for (MatchingRules.Rule rule : best.group.rules()) {
      if (best.cascaded && (STRUCTURAL.contains(rule.match()) || NOT_CASCADED.contains(rule.match()))) {
        continue; // Pact does not cascade values / eachKey / eachValue to the map's children
      }
      Mismatch mismatch = RuleMatcher.apply(rule, text, pointer(path), expected, actual, best.cascaded);
      if (mismatch == null) {
        passed++;
      } else {
        failures.add(mismatch);
      }
    }
    if (best.group.combineWithAnd() || passed == 0) {
      out.addAll(failures);
    }
  }

  private record Best(MatchingRules.RuleGroup group, boolean cascaded) {
  }

  /** Rules that say how a map's entries are compared, rather than what the map itself must be. */
  private static final java.util.Set<String> STRUCTURAL = java.util.Set.of("values", "eachKey", "eachValue");
  /** Rules about the value they are written for, not its children. */
  private static final java.util.Set<String> NOT_CASCADED = java.util.Set.of("arrayContains", "contentType");

  /**
   * arrayContains: each variant (an expected element with rules relative to it) must match at least one actual
   * element, wherever it is. Returns whether the group had such a matcher.
   */
  private boolean arrayContains(MatchingRules.RuleGroup group, List<PactPath.Segment> path, String text,
                                JsonNode expected, JsonNode actual, List<Mismatch> out) {
    boolean found = false;
    for (MatchingRules.Rule rule : group.rules()) {
      if (!rule.match().equals("arrayContains")) {
        continue;
      }
      found = true;
      for (MatchingRulesReader.ArrayContainsVariant variant : rule.variants()) {
        JsonNode like = variant.index() < expected.size() ? expected.get(variant.index()) : null;
        if (like == null) {
          out.add(new Mismatch(Mismatch.Kind.VALUE, text, pointer(path), "element " + variant.index(), "missing",
              rule.describe(), "expected " + text + " to contain an element like its element " + variant.index()
                  + " (matcher arrayContains), but the contract's example has no element " + variant.index()));
          continue;
        }
        boolean matched = false;
        for (int i = 0; i < actual.size() && !matched; i++) {
          matched = match(like, variant.rules(), actual.get(i), JsonPaths.index(text, i), segments -> "")
              .isEmpty();
        }
        if (!matched) {
          out.add(new Mismatch(Mismatch.Kind.VALUE, text, pointer(index(path, variant.index())), Json.render(like),
              Json.render(actual), rule.describe(), "expected " + text + " to contain an element like "
                  + Json.render(like) + " (matcher arrayContains) but none of its " + actual.size()
                  + " element(s) matched: " + Json.render(actual)));
        }
      }
    }
    return found;
  }

  /** eachKey applies its rules to every key of the map, eachValue to every value. */
  private void eachEntry(MatchingRules.RuleGroup group, List<PactPath.Segment> path, String text,
                         JsonNode expected, JsonNode actual, List<Mismatch> out) {
    JsonNode example = expected.size() > 0 ? expected.elements().next() : null;
    for (MatchingRules.Rule rule : group.rules()) {
      boolean keys = rule.match().equals("eachKey");
      if (!keys && !rule.match().equals("eachValue")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> entry : actual.properties()) {
        List<PactPath.Segment> childPath = child(path, entry.getKey());
        String childText = JsonPaths.child(text, entry.getKey());
        JsonNode value = keys ? com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey())
            : entry.getValue();
        // a type rule on values compares with the contract's example value (keys are always strings)
        JsonNode like = keys || example == null ? value : example;
        for (MatchingRules.Rule inner : rule.nested()) {
          Mismatch mismatch = RuleMatcher.apply(inner, childText + (keys ? " (key)" : ""), pointer(childPath),
              like, value, false);
          if (mismatch != null) {
            out.add(mismatch);
          }
        }
      }
    }
  }

  private Optional<Best> best(List<PactPath.Segment> path) {
    return rules.stream()
        .filter(e -> e.getKey().appliesTo(path))
        .max(Comparator.<Map.Entry<PactPath, MatchingRules.RuleGroup>>comparingLong(e -> e.getKey().weight(path))
            .thenComparingInt(e -> e.getKey().tokens().size()))
        .map(e -> new Best(e.getValue(), !e.getKey().isExactlyFor(path)));
  }

  private String pointer(List<PactPath.Segment> path) {
    return pointers.apply(path.stream().map(PactPath.Segment::text).toList());
  }

  private static List<PactPath.Segment> child(List<PactPath.Segment> path, String key) {
    List<PactPath.Segment> child = new ArrayList<>(path);
    child.add(PactPath.Segment.key(key));
    return child;
  }

  private static List<PactPath.Segment> index(List<PactPath.Segment> path, int index) {
    List<PactPath.Segment> child = new ArrayList<>(path);
    child.add(PactPath.Segment.at(index));
    return child;
  }
}
