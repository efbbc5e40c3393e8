package dev.handshake.maven;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.rules.RulePages;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints a rule's page, shipped inside the plugin: what a finding's rule protects against, an example and the fix.
 * Every finding names it: {@code mvn handshake:explain -Dhandshake.rule=FIELD_REMOVED_WITHOUT_DEFAULT}.
 */
@Mojo(name = "explain", requiresProject = false, threadSafe = true)
public class ExplainMojo extends AbstractMojo {
  /** The rule ID a finding names, e.g. FIELD_REMOVED_WITHOUT_DEFAULT. */
  @Parameter(property = "handshake.rule", required = true)
  String rule;

  @Override
  public void execute() throws MojoFailureException {
    try {
      RulePages.page(rule).lines().forEach(getLog()::info);
    } catch (InvalidInputException e) {
      throw new MojoFailureException("-Dhandshake.rule: " + e.getMessage(), e);
    }
  }
}
