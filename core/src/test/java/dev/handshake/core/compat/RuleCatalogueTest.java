package dev.handshake.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule ships with its fixture folder and its documentation page. */
class RuleCatalogueTest {

  @ParameterizedTest
  @EnumSource(CompatibilityRule.class)
  void everyRuleHasFixtureAndDocsPage(CompatibilityRule rule) {
    assertThat(Fixtures.RULES.resolve(rule.name()).resolve("previous/Account.avsc")).isRegularFile();
    assertThat(Fixtures.RULES.resolve(rule.name()).resolve("current/Account.avsc")).isRegularFile();
    Path page = Path.of("..", "docs", "rules", rule.name() + ".md");
    assertThat(page).isRegularFile();
    assertThat(read(page)).startsWith("# " + rule.name()).contains("## Before").contains("## After")
        .contains("## Fix");
  }

  private static String read(Path page) {
    try {
      return Files.readString(page);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
