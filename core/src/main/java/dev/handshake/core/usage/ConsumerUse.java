package dev.handshake.core.usage;

import java.util.Optional;

/**
 * One consumer's use of one field, over all its interactions: the strongest use ({@link FieldUse#ASSERTS} over
 * {@link FieldUse#DECODES}), and its reader field's default as JSON when every reader schema it uses has one.
 */
public record ConsumerUse(String consumer, FieldUse use, Optional<String> readerDefault) {

  /** {@code auth-service (asserts)}, {@code billing (decodes, default 0)}. */
  public String describe() {
    return consumer + " (" + use.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + readerDefault.map(d -> ", default " + d).orElse("") + ")";
  }
}
