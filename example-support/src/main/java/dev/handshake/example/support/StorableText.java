package dev.handshake.example.support;

import java.util.Optional;

/**
 * Text PostgreSQL can store and compare: no NUL (its text types refuse U+0000) and well-formed UTF-16, i.e.
 * valid Unicode (a lone surrogate has no UTF-8 form; the driver would write it as '?').
 */
public final class StorableText {
  private StorableText() {
  }

  /** Why {@code text} cannot be stored, as the end of a sentence, or empty when it can. */
  public static Optional<String> problem(String text) {
    if (text.indexOf('\0') >= 0) {
      return Optional.of("contains a NUL character (U+0000), which cannot be stored: remove it");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("is not valid Unicode: it holds a lone surrogate " + String.format("\\u%04x", (int) c)
            + " at character " + i);
      }
    }
    return Optional.empty();
  }

  public static boolean storable(String text) {
    return problem(text).isEmpty();
  }
}
