package dev.handshake.cli;

import dev.handshake.core.rules.RulePages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code handshake explain RULE}: the rule's page, from inside the jar, as {@code rustc --explain} does. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Prints the page of a rule a finding names: what it protects against, an example and the fix.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the page was printed", "2:no such rule (the closest IDs are named)"},
    footerHeading = "%nExamples:%n",
    footer = {"  handshake explain FIELD_REMOVED_WITHOUT_DEFAULT"})
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "RULE_ID", description = "The rule ID in brackets in a finding, e.g. TYPE_CHANGED.")
  String rule;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(RulePages.page(rule));
    spec.commandLine().getOut().flush();
    return HandshakeCli.EXIT_OK;
  }
}
