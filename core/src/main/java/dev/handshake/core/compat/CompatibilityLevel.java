package dev.handshake.core.compat;

import dev.handshake.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Confluent Schema Registry's compatibility levels, with its semantics: BACKWARD means the candidate can read
 * data written with earlier versions, FORWARD means earlier versions can read data written with the candidate,
 * FULL means both. Non-transitive levels compare with the latest earlier version only; transitive ones with
 * every earlier version.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  public boolean checksBackward() {
    return backward;
  }

  public boolean checksForward() {
    return forward;
  }

  public boolean isTransitive() {
    return transitive;
  }

  /** The level against one version: what a registry applies when asked about a single version. */
  public CompatibilityLevel nonTransitive() {
    return switch (this) {
      case BACKWARD_TRANSITIVE -> BACKWARD;
      case FORWARD_TRANSITIVE -> FORWARD;
      case FULL_TRANSITIVE -> FULL;
      default -> this;
    };
  }

  /** Parses a level as users and registries spell it ({@code full_transitive}, {@code FULL-TRANSITIVE}). */
  public static CompatibilityLevel parse(String text, String parameterName) {
    if (text != null) {
      String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (CompatibilityLevel level : values()) {
        if (level.name().equals(normalized)) {
          return level;
        }
      }
    }
    throw new InvalidInputException("unknown compatibility level \"" + text + "\" for " + parameterName
        + "; use one of " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
