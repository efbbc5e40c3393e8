package dev.handshake.core.tasks;

import java.util.List;

/** How {@code check} and {@code register} say what refused their candidates, in one wording. */
final class Refusal {
  private Refusal() {
  }

  /**
   * "2 compatibility findings in subjects a, b", or "the registry refused subject a" when Handshake's engine
   * found nothing and only the registry's verdict refused (registering would fail all the same).
   */
  static String describe(int findings, List<String> subjects) {
    String names = "subject" + (subjects.size() == 1 ? " " : "s ") + String.join(", ", subjects);
    return findings == 0 ? "the registry refused " + names
        : findings + " compatibility finding" + (findings == 1 ? "" : "s") + " in " + names;
  }
}
