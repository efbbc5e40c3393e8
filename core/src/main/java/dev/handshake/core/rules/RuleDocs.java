package dev.handshake.core.rules;

/**
 * Where a rule is explained, for the reader of a finding: a URL (a producer's repository has no
 * {@code docs/rules/}, so a relative path pointed nowhere) and the rule's one-line purpose from the
 * {@link Rule} catalogue. The base URL is configurable (Maven: {@code rulesDocsUrl}), e.g. for a mirror of the
 * docs inside a company.
 *
 * @param baseUrl the URL the rule pages are under, ending with {@code /}
 */
public record RuleDocs(String baseUrl) {
  /** Handshake's rule pages: docs/rules/ of the project's repository. */
  public static final String DEFAULT_BASE_URL = "https://github.com/handshake-dev/handshake/blob/main/docs/rules/";
  public static final RuleDocs DEFAULT = new RuleDocs(DEFAULT_BASE_URL);

  public RuleDocs {
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = DEFAULT_BASE_URL;
    } else if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
  }

  public String url(Rule rule) {
    return baseUrl + rule.name() + ".md";
  }

  /** {@code Rule: <purpose> See <url>}, the end of every text finding. */
  public String reference(Rule rule) {
    return "Rule: " + rule.purpose() + " See " + url(rule);
  }
}
