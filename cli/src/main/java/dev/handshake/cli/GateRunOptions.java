package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.rules.RuleDocs;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of every command that runs the producer's factories through the gate: verify and can-i-deploy. */
final class GateRunOptions {
  @Option(names = "--factory-timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long the factories may run together. Default: 300.")
  int factoryTimeoutSeconds;

  @Option(names = "--rules-docs-url", paramLabel = "URL",
      description = "The URL a copy of the rule pages is under; findings link there instead of naming "
          + "'handshake explain RULE'.")
  String rulesDocsUrl;

  // read by HandshakeCli's exception handler, by name, like every command's --verbose
  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  Duration factoryTimeout() {
    if (factoryTimeoutSeconds <= 0) {
      throw new InvalidInputException("--factory-timeout must be a positive number of seconds, got "
          + factoryTimeoutSeconds);
    }
    return Duration.ofSeconds(factoryTimeoutSeconds);
  }

  RuleDocs ruleDocs() {
    return new RuleDocs(rulesDocsUrl);
  }
}
