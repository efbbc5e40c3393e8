package dev.handshake.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value a finding is about, as steps from a root, rendered in each notation a report needs: a schema's
 * ({@code User.roles[].name}: from the record, {@code []} for array items, {@code {}} for map values), a
 * contract's Pact path ({@code $.roles[0].name}), the field-usage map's ({@code $.roles[*].name}) and a JSON
 * pointer into the event ({@code /roles/0/name}). A path that names no value inside the event (the record's
 * {@code key}, {@code header x}) is {@link #named}: it renders as given and the map has no field for it.
 */
public record ValuePath(Notation notation, String root, List<Step> steps) {
  public static final ValuePath NONE = new ValuePath(Notation.NAMED, "", List.of());

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** Where the path comes from, which is how it is written in findings. */
  public enum Notation {
    /** From a schema's record: {@code User.roles[].name}. */
    SCHEMA,
    /** A Pact path into the event's JSON view: {@code $.roles[0].name}. */
    CONTRACT,
    /** Not a value inside the event: {@code key}, {@code header x}; rendered as given. */
    NAMED
  }

  /** One step down: into a record's field (or a JSON object's key), an array's item, a map's value. */
  public record Step(Kind kind, String name, int index) {
    public enum Kind { FIELD, ITEM, MAP_VALUE }

    public static Step field(String name) {
      return new Step(Kind.FIELD, name, -1);
    }

    /** An array's item; {@code index} -1 for any item. */
    public static Step item(int index) {
      return new Step(Kind.ITEM, "", index);
    }

    public static Step mapValue() {
      return new Step(Kind.MAP_VALUE, "", -1);
    }
  }

  public ValuePath {
    steps = List.copyOf(steps);
  }

  public static ValuePath schema(String record, List<Step> steps) {
    return new ValuePath(Notation.SCHEMA, record, steps);
  }

  public static ValuePath named(String name) {
    return new ValuePath(Notation.NAMED, name, List.of());
  }

  /**
   * A Pact path as the contract matcher writes it ({@code $.a.b}, {@code $['odd key']}, {@code $.roles[0]}); any
   * other text (the record's {@code key}, a header, a key matched by {@code eachKey}) names no value in the event.
   */
  public static ValuePath ofPactPath(String text) {
    if (!text.startsWith("$")) {
      return named(text);
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        String key = text.substring(i + 1, end);
        if (!PLAIN_KEY.matcher(key).matches()) {
          return named(text);
        }
        steps.add(Step.field(key));
        i = end;
      } else if (text.startsWith("['", i)) {
        StringBuilder key = new StringBuilder();
        int j = i + 2;
        while (j < text.length() && text.charAt(j) != '\'') {
          if (text.charAt(j) == '\\' && j + 1 < text.length()) {
            j++;
          }
          key.append(text.charAt(j++));
        }
        if (!text.startsWith("']", j)) {
          return named(text);
        }
        steps.add(Step.field(key.toString()));
        i = j + 2;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        String index = close < 0 ? "" : text.substring(i + 1, close);
        if (!index.matches("[0-9]+")) {
          return named(text);
        }
        steps.add(Step.item(Integer.parseInt(index)));
        i = close + 1;
      } else {
        return named(text);
      }
    }
    return new ValuePath(Notation.CONTRACT, "$", steps);
  }

  /** A JSON object's key as a Pact path step: {@code .key}, or {@code ['odd key']}. */
  public static String pactKey(String key) {
    return PLAIN_KEY.matcher(key).matches() ? "." + key : "['" + key.replace("'", "\\'") + "']";
  }

  public boolean isEmpty() {
    return notation == Notation.NAMED && root.isEmpty();
  }

  /** As findings write it, in its own notation. */
  public String render() {
    StringBuilder text = new StringBuilder(root);
    for (Step step : steps) {
      switch (step.kind()) {
        case FIELD -> text.append(notation == Notation.SCHEMA ? "." + step.name() : pactKey(step.name()));
        case ITEM -> text.append(step.index() < 0 ? "[]" : "[" + step.index() + "]");
        case MAP_VALUE -> text.append("{}");
        default -> throw new IllegalStateException(step.kind().name());
      }
    }
    return text.toString();
  }

  /** As the field-usage map names a field: {@code $.roles[*].name}, map values {@code .*}; none for a named path. */
  public Optional<String> usagePath() {
    if (notation == Notation.NAMED) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder("$");
    for (Step step : steps) {
      switch (step.kind()) {
        case FIELD -> text.append(pactKey(step.name()));
        case ITEM -> text.append("[*]");
        case MAP_VALUE -> text.append(".*");
        default -> throw new IllegalStateException(step.kind().name());
      }
    }
    return Optional.of(text.toString());
  }

  /** The value in the event's JSON view as a JSON pointer ({@code /roles/0/name}; {@code -} for any item or key). */
  public Optional<String> jsonPointer() {
    if (notation == Notation.NAMED) {
      return Optional.empty();
    }
    StringBuilder pointer = new StringBuilder();
    for (Step step : steps) {
      pointer.append('/').append(switch (step.kind()) {
        case FIELD -> step.name().replace("~", "~0").replace("/", "~1");
        case ITEM -> step.index() < 0 ? "-" : Integer.toString(step.index());
        case MAP_VALUE -> "-";
      });
    }
    return Optional.of(pointer.toString());
  }

  /** The rendered path, so a message can say it as it is. */
  @Override
  public String toString() {
    return render();
  }
}
