package dev.handshake.core.usage;

import java.util.Optional;

/**
 * One consumer's use of one field, over all its interactions: the strongest use ({@link FieldUse#ASSERTS} over
 * {@link FieldUse#DECODES}), and its reader field's default as JSON when every reader schema it uses has one.
 */
public record ConsumerUse(String consumer, FieldUse use, Optional<String> readerDefault) {

  /** {@code auth-service (asserts)}, {@code billing (decodes, default 0)}, {@code audit (needs it, no default)}. */
  public String describe() {
    String how = switch (use) {
      case ASSERTS -> "asserts";
      case DECODES -> "decodes";
      case DEFAULT_ONLY -> "reads its default";
      case MISSING -> "needs it, no default";
    };
    return consumer + " (" + how + readerDefault.map(d -> ", default " + d).orElse("") + ")";
  }
}
