package dev.handshake.core.registry;

import java.util.List;

/** A registry's own verdict ({@code POST /compatibility/...?verbose=true}): compatible, and its reasons if not. */
public record CompatibilityTestResult(boolean compatible, List<String> messages) {
  public CompatibilityTestResult {
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
