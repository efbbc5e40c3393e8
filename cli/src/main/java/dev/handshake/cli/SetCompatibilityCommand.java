package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.tasks.SetCompatibilityConfiguration;
import dev.handshake.core.tasks.SetCompatibilityTask;
import dev.handshake.core.tasks.TaskLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "set-compatibility", mixinStandardHelpOptions = true,
    description = {
        "Sets the compatibility level of a subject or the registry's global level.",
        "With --subject and the level DEFAULT, the subject's own level is removed so the global one applies."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:set", "2:bad input (an unknown level, a URL that is not a registry)",
        "3:registry unreachable or server error",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake set-compatibility --registry http://localhost:8081 \\",
        "      --subject users-value FULL_TRANSITIVE",
        "  handshake set-compatibility --registry http://localhost:8081 --global BACKWARD",
        "  handshake set-compatibility --registry http://localhost:8081 \\",
        "      --subject users-value DEFAULT"})
final class SetCompatibilityCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RegistryClientOptions registryOptions;

  @Option(names = "--subject", paramLabel = "SUBJECT", description = "The subject whose level to set.")
  String subject;

  @Option(names = "--global", description = "Set the registry's global level instead of a subject's.")
  boolean global;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Parameters(index = "0", paramLabel = "LEVEL",
      description = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, "
          + "or DEFAULT (with --subject: fall back to the global level).")
  String level;

  @Override
  public Integer call() {
    if (global == (subject != null)) {
      throw new InvalidInputException("give exactly one of --subject SUBJECT or --global");
    }
    PrintWriter out = spec.commandLine().getOut();
    SetCompatibilityConfiguration.Change change = new SetCompatibilityConfiguration.Change(global ? null : subject,
        level, "LEVEL");
    registryOptions.call(() -> {
      new SetCompatibilityTask(new SetCompatibilityConfiguration(registryOptions.connect(), List.of(change)),
          TaskLog.of(out::println)).run();
      return null;
    });
    out.flush();
    return HandshakeCli.EXIT_OK;
  }
}
