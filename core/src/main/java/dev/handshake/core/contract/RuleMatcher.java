package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Pact's matchers, one rule applied to one value. Returns null when the value satisfies the rule. */
final class RuleMatcher {
  static final List<String> SUPPORTED = List.of("equality", "regex", "type", "include", "integer", "decimal",
      "number", "timestamp", "datetime", "date", "time", "null", "boolean", "values", "notEmpty", "semver",
      "eachKey", "eachValue", "arrayContains", "contentType");

  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");

  // Contracts repeat the same few patterns across hundreds of interactions: compile each once.
  private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, DateTimeFormatter> FORMATS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private RuleMatcher() {
  }

  private static Pattern pattern(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile);
  }

  /** Why a rule is unusable as written, or null. */
  static String validate(MatchingRules.Rule rule) {
    switch (rule.match()) {
      case "regex" -> {
        String regex = rule.text("regex");
        if (regex == null) {
          return "a regex matcher needs a \"regex\".";
        }
        try {
          Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          return "\"" + regex + "\" is not a valid regular expression: " + e.getDescription() + ".";
        }
      }
      case "include" -> {
        if (rule.text("value") == null) {
          return "an include matcher needs a \"value\".";
        }
      }
      case "timestamp", "datetime", "date", "time" -> {
        String format = format(rule);
        if (format != null) {
          try {
            DateTimeFormatter.ofPattern(format);
          } catch (IllegalArgumentException e) {
            return "\"" + format + "\" is not a valid date/time pattern: " + e.getMessage() + ".";
          }
        }
      }
      case "eachKey", "eachValue" -> {
        if (rule.nested().isEmpty()) {
          return "an " + rule.match() + " matcher needs its \"rules\".";
        }
      }
      case "arrayContains" -> {
        if (rule.variants().isEmpty()) {
          return "an arrayContains matcher needs its \"variants\".";
        }
      }
      case "contentType" -> {
        String type = rule.text("value");
        if (type == null || ContentTypes.kind(type) == null) {
          return "contentType " + (type == null ? "without a \"value\"" : "\"" + type + "\"")
              + " is not one Handshake can check (" + ContentTypes.SUPPORTED + ").";
        }
      }
      default -> {
      }
    }
    return null;
  }

  /** The date/time pattern under any of the keys Pact versions have used for it. */
  static String format(MatchingRules.Rule rule) {
    for (String key : new String[] {"format", rule.match(), "timestamp", "datetime", "date", "time"}) {
      String value = rule.text(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * Applies {@code rule} to {@code actual}. {@code cascaded} is true when the rule was written for an
   * ancestor of this value: then array bounds do not apply.
   */
  static Mismatch apply(MatchingRules.Rule rule, String path, String pointer, JsonNode expected, JsonNode actual,
                        boolean cascaded) {
    String rendered = Json.render(actual);
    return switch (rule.match()) {
      case "equality" -> Json.same(expected, actual) ? null
          : mismatch(Mismatch.Kind.VALUE, rule, path, pointer, Json.render(expected), rendered,
              "to equal " + Json.render(expected));
      case "regex" -> {
        String text = actual == null || actual.isNull() ? null : actual.isTextual() ? actual.textValue()
            : actual.toString();
        yield text != null && pattern(rule.text("regex")).matcher(text).matches() ? null
            : mismatch(Mismatch.Kind.VALUE, rule, path, pointer, "regex \"" + rule.text("regex") + "\"", rendered,
                "to match regex \"" + rule.text("regex") + "\"");
      }
      case "type" -> type(rule, path, pointer, expected, actual, cascaded);
      case "include" -> {
        String text = actual == null || actual.isNull() ? null : actual.isTextual() ? actual.textValue()
            : actual.toString();
        yield text != null && text.contains(rule.text("value")) ? null
            : mismatch(Mismatch.Kind.VALUE, rule, path, pointer, "a value including \"" + rule.text("value") + "\"",
                rendered, "to include \"" + rule.text("value") + "\"");
      }
      case "integer" -> actual != null && actual.isIntegralNumber() ? null
          : mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "an integer", rendered, "to be an integer");
      case "decimal" -> actual != null && actual.isFloatingPointNumber() ? null
          : mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "a decimal number", rendered,
              "to be a decimal number");
      case "number" -> actual != null && actual.isNumber() ? null
          : mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "a number", rendered, "to be a number");
      case "boolean" -> actual != null && (actual.isBoolean()
          || actual.isTextual() && (actual.textValue().equals("true") || actual.textValue().equals("false")))
          ? null : mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "a boolean", rendered, "to be a boolean");
      case "null" -> actual == null || actual.isNull() ? null
          : mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "null", rendered, "to be null");
      case "timestamp", "datetime", "date", "time" -> dateTime(rule, path, pointer, actual);
      case "notEmpty" -> actual != null && !actual.isNull() && !(actual.isTextual() && actual.textValue().isEmpty())
          && !(actual.isContainerNode() && actual.isEmpty()) ? null
          : mismatch(Mismatch.Kind.VALUE, rule, path, pointer, "a non-empty value", rendered, "to be non-empty");
      case "semver" -> actual != null && actual.isTextual() && SEMVER.matcher(actual.textValue()).matches() ? null
          : mismatch(Mismatch.Kind.VALUE, rule, path, pointer, "a semantic version", rendered,
              "to be a semantic version");
      // "values" is structural: the body matcher compares every entry of the map with the expected entry.
      case "values" -> null;
      case "contentType" -> ContentTypes.matches(rule.text("value"), actual) ? null
          : mismatch(Mismatch.Kind.VALUE, rule, path, pointer, "content of type " + rule.text("value"), rendered,
              "to be content of type " + rule.text("value"));
      // arrayContains compares elements with its variants in the body matcher; here only the kind is checked.
      case "arrayContains" -> actual != null && actual.isArray() ? null
          : mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "an array", rendered, "to be an array");
      // eachKey / eachValue are applied entry by entry by the body matcher; here only the kind is checked.
      case "eachKey", "eachValue" -> actual != null && actual.isObject() ? null
          : mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "an object", rendered, "to be an object");
      default -> throw new IllegalStateException("unsupported matcher " + rule.match());
    };
  }

  private static Mismatch type(MatchingRules.Rule rule, String path, String pointer, JsonNode expected,
                               JsonNode actual, boolean cascaded) {
    if (!Json.sameKind(expected, actual)) {
      return mismatch(Mismatch.Kind.TYPE, rule, path, pointer, Json.kind(expected) + " (like "
          + Json.render(expected) + ")", actual == null || actual.isNull() ? "null" : Json.kind(actual) + " " + Json.render(actual),
          "to be the same type as " + Json.render(expected));
    }
    if (actual.isArray() && !cascaded) {
      Integer min = rule.integer("min");
      Integer max = rule.integer("max");
      if (min != null && actual.size() < min) {
        return mismatch(Mismatch.Kind.VALUE, rule, path, pointer, "at least " + min + " element(s)",
            actual.size() + " element(s)", "to have at least " + min + " element(s)");
      }
      if (max != null && actual.size() > max) {
        return mismatch(Mismatch.Kind.VALUE, rule, path, pointer, "at most " + max + " element(s)",
            actual.size() + " element(s)", "to have at most " + max + " element(s)");
      }
    }
    return null;
  }

  private static Mismatch dateTime(MatchingRules.Rule rule, String path, String pointer, JsonNode actual) {
    String format = format(rule);
    DateTimeFormatter formatter = format != null ? FORMATS.computeIfAbsent(format, DateTimeFormatter::ofPattern) : switch (rule.match()) {
      case "date" -> DateTimeFormatter.ISO_DATE;
      case "time" -> DateTimeFormatter.ISO_TIME;
      default -> DateTimeFormatter.ISO_DATE_TIME;
    };
    String described = rule.match() + (format == null ? " (ISO-8601)" : " \"" + format + "\"");
    if (actual == null || !actual.isTextual()) {
      return mismatch(Mismatch.Kind.TYPE, rule, path, pointer, "a " + described + " string", Json.render(actual),
          "to be a " + described + " string");
    }
    try {
      formatter.parse(actual.textValue());
      return null;
    } catch (DateTimeParseException e) {
      return mismatch(Mismatch.Kind.VALUE, rule, path, pointer, described, Json.render(actual),
          "to match " + described);
    }
  }

  private static Mismatch mismatch(Mismatch.Kind kind, MatchingRules.Rule rule, String path, String pointer,
                                   String expected, String actual, String expectation) {
    return new Mismatch(kind, path, pointer, expected, actual, rule.describe(),
        "expected " + path + " " + expectation + " (matcher " + rule.describe() + ") but it was " + actual);
  }
}
