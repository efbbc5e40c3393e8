package dev.handshake.core.compat;

import dev.handshake.core.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.List;

/** Loads the per-rule fixtures: {@code src/test/resources/rules/<RULE>/previous|current/Account.avsc}. */
final class Fixtures {
  static final Path RULES = Path.of("src/test/resources/rules");
  private static final SchemaLoader LOADER = new SchemaLoader();

  private Fixtures() {
  }

  static SchemaVersion previous(String rule) {
    return new SchemaVersion("v1", LOADER.load(RULES.resolve(rule).resolve("previous/Account.avsc"), List.of()));
  }

  static SchemaVersion current(String rule) {
    return new SchemaVersion("candidate v2", LOADER.load(RULES.resolve(rule).resolve("current/Account.avsc"), List.of()));
  }

  static CompatibilityReport check(String rule, CompatibilityLevel level) {
    return new CompatibilityChecker().check(level, List.of(previous(rule)), current(rule));
  }

  static String file(String rule, String side) {
    return RULES.resolve(rule).resolve(side).resolve("Account.avsc").toString();
  }
}
