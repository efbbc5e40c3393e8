package dev.handshake.core.rules;

/**
 * Where a rule is explained, for the reader of a finding, and the rule's one-line purpose from the {@link Rule}
 * catalogue. By default a command: the rule pages ship inside the CLI and the plugin ({@link RulePages}), so
 * {@code handshake explain RULE} prints one wherever Handshake runs. With a base URL (Maven: {@code rulesDocsUrl};
 * CLI: {@code --rules-docs-url}), e.g. a copy of docs/rules/ a team publishes, findings link there instead.
 *
 * @param baseUrl the URL the rule pages are under, ending with {@code /}; null when none is configured
 * @param explainCommand the command that prints a rule's page, followed by the rule ID
 */
public record RuleDocs(String baseUrl, String explainCommand) {
  /** The CLI's explain command. */
  public static final String CLI_EXPLAIN = "handshake explain";
  /** The Maven plugin's explain goal, run where the build that printed the finding runs. */
  public static final String MAVEN_EXPLAIN = "mvn handshake:explain -Dhandshake.rule=";
  public static final RuleDocs DEFAULT = new RuleDocs(null, CLI_EXPLAIN);

  public RuleDocs {
    if (baseUrl != null && baseUrl.isBlank()) {
      baseUrl = null;
    } else if (baseUrl != null && !baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    explainCommand = explainCommand == null ? CLI_EXPLAIN : explainCommand;
  }

  /** The CLI's docs: {@code baseUrl} when configured (null or blank: none), else {@code handshake explain}. */
  public RuleDocs(String baseUrl) {
    this(baseUrl, CLI_EXPLAIN);
  }

  /** The rule's page URL when a base URL is configured, else the command that prints the page. */
  public String url(Rule rule) {
    return baseUrl != null ? baseUrl + rule.name() + ".md" : command(rule);
  }

  /** The command that prints the rule's page. */
  public String command(Rule rule) {
    return explainCommand.endsWith("=") ? explainCommand + rule.name() : explainCommand + " " + rule.name();
  }

  /** {@code Rule: <purpose> Run: handshake explain RULE} (or {@code See <url>}), the end of every text finding. */
  public String reference(Rule rule) {
    return "Rule: " + rule.purpose() + " " + (baseUrl != null ? "See " + url(rule) : "Run: " + command(rule));
  }
}
