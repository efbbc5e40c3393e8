package dev.handshake.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code handshake}. Exit codes: 0 ok, 1 incompatible, 2 bad input or usage, 3 unreachable. */
@Command(name = "handshake", mixinStandardHelpOptions = true, version = "handshake 0.1.0-SNAPSHOT",
    description = "Stops producers from shipping Avro events their consumers cannot read.",
    subcommands = {CompatCommand.class, CheckCommand.class, RegisterCommand.class, DownloadCommand.class,
        SetCompatibilityCommand.class, VerifyCommand.class, UsageCommand.class, RegistryCommand.class,
        CanIDeployCommand.class, CanIRetireCommand.class, RecordCommands.Deployment.class, RecordCommands.Release.class,
        RecordCommands.Undeployment.class, ExplainCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes (every command):%n",
    exitCodeList = {"0:ok, compatible", "1:incompatible (check, compat, register; verify: a finding; can-i-deploy, can-i-retire: no)",
        "2:bad input or usage: a file that does not parse, an unknown option, subject, version or level, "
            + "refused credentials, a URL that is not a registry",
        "3:the registry cannot be reached or answered with a server error, or a file could not be read or written "
            + "(can-i-retire: unknown)",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake help check",
        "  handshake compat --level BACKWARD schemas/v1.avsc schemas/v2.avsc",
        "  handshake check --registry http://localhost:8081 --subject users-value \\",
        "      schemas/User.avsc",
        "  handshake verify --classpath target/test-classes:target/classes:$(cat cp.txt)",
        "  handshake registry serve --data-dir ~/.handshake/registry"})
public final class HandshakeCli {
  public static final int EXIT_OK = 0;
  public static final int EXIT_INCOMPATIBLE = 1;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_UNREACHABLE = 3;
  /** A bug in Handshake: any exception that is not Handshake's own (CommandFailures). */
  public static final int EXIT_INTERNAL_ERROR = 4;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams; tests call this instead of {@link #main}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new HandshakeCli());
    SpaceWrappingHelp.install(commandLine);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(CommandFailures::exitCodeOf);
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> CommandFailures.report(exception,
        cmd.getErr(), parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose")));
    commandLine.setParameterExceptionHandler((exception, args1) -> {
      CommandLine cmd = exception.getCommandLine();
      // An unknown option is the mistake to name: picocli may report a required option it made look missing.
      String message = UnknownOptions.describe(cmd.getCommandSpec(), args1).orElse(exception.getMessage());
      cmd.getErr().println("handshake: " + message);
      cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
      return EXIT_BAD_INPUT;
    });
    return commandLine.execute(args);
  }
}
