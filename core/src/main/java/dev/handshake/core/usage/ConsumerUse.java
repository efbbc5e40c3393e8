package dev.handshake.core.usage;

import java.util.List;
import java.util.Optional;

/**
 * One consumer's use of one field, over all its interactions: the strongest use ({@link FieldUse#ASSERTS} over
 * {@link FieldUse#DECODES}), its reader field's default as JSON when every reader schema it uses has one, and the
 * topics those interactions read it from (their {@code handshake.topic}; sorted, empty when none states one).
 */
public record ConsumerUse(String consumer, FieldUse use, Optional<String> readerDefault, List<String> topics) {

  public ConsumerUse {
    topics = List.copyOf(topics);
  }

  /** A use whose interactions state no topic. */
  public ConsumerUse(String consumer, FieldUse use, Optional<String> readerDefault) {
    this(consumer, use, readerDefault, List.of());
  }

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
