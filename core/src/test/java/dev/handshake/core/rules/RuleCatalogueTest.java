package dev.handshake.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Everything a rule needs besides its catalogue entry: a fixture folder, a test named after it that runs its
 * handler on that fixture, a docs page, and its row in docs/rules/README.md stating the catalogue's purpose.
 */
class RuleCatalogueTest {
  private static final Path DOCS = Path.of("..", "docs", "rules");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| \\[([A-Z_]+)\\]\\(([A-Z_]+)\\.md\\) \\| (.*) \\|$");

  @ParameterizedTest
  @EnumSource(Rule.class)
  void everyRuleHasAFixtureATestADocsPageAndAReadmeRow(Rule rule) throws Exception {
    Path fixtures = Path.of("src", "test", "resources");
    if (rule.category() == RuleCategory.SCHEMA) {
      assertThat(fixtures.resolve("rules/" + rule + "/previous/Account.avsc")).isRegularFile();
      assertThat(fixtures.resolve("rules/" + rule + "/current/Account.avsc")).isRegularFile();
    } else {
      assertThat(fixtures.resolve("gate/" + rule + "/contract.json")).isRegularFile();
    }
    assertThat(testClass(rule).getDeclaredMethods()).extracting(Method::getName)
        .as("a test named after %s in %s", rule, testClass(rule).getSimpleName()).contains(testName(rule));

    Path page = DOCS.resolve(rule + ".md");
    assertThat(page).isRegularFile();
    assertThat(read(page)).startsWith("# " + rule.name()).contains("## Before", "## After", "## Fix");

    assertThat(readmeRows()).as("docs/rules/README.md row of " + rule).containsEntry(rule.name(), rule.purpose());
  }

  @Test
  void theReadmeListsNoRuleTheCatalogueDoesNotHaveAndEachCategoryInItsOwnTable() {
    assertThat(readmeRows().keySet()).containsExactlyElementsOf(
        Arrays.stream(RuleCategory.values()).flatMap(c -> Stream.of(Rule.values()).filter(r -> r.category() == c))
            .map(Rule::name).toList());
  }

  @Test
  void onlyAnEditedReaderSchemaAndWriterSchemaDriftAreWarnings() {
    assertThat(Stream.of(Rule.values()).filter(rule -> rule.defaultSeverity() == Severity.WARNING))
        .containsExactly(Rule.READER_SCHEMA_EDITED, Rule.WRITER_SCHEMA_DRIFT);
  }

  private static Class<?> testClass(Rule rule) throws ClassNotFoundException {
    return Class.forName(rule.category() == RuleCategory.SCHEMA ? "dev.handshake.core.compat.RuleFixtureTest"
        : "dev.handshake.core.gate.ProducerGateTest");
  }

  /** FIELD_ADDED_WITHOUT_DEFAULT is tested by fieldAddedWithoutDefault. */
  private static String testName(Rule rule) {
    StringBuilder name = new StringBuilder();
    for (String word : rule.name().toLowerCase().split("_")) {
      name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  private static Map<String, String> readmeRows() {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(read(DOCS.resolve("README.md")));
    while (row.find()) {
      assertThat(row.group(2)).as("link of " + row.group(1)).isEqualTo(row.group(1));
      rows.put(row.group(1), row.group(3));
    }
    return rows;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
