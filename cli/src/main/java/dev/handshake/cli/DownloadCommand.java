package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.tasks.DownloadConfiguration;
import dev.handshake.core.tasks.DownloadTask;
import dev.handshake.core.tasks.TaskLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "download",
    description = {
        "Downloads registered schemas as pretty-printed .avsc files.",
        "The latest version (or --schema-version) goes to OUTPUT/<subject>.avsc; with --all-versions every "
            + "version goes to OUTPUT/history/<subject>/vN.avsc (with vN.references.json) and the global and "
            + "subject levels to OUTPUT/compatibility.properties, the layout 'check --schemas-dir' reads offline. "
            + "A subject that is not a plain file name is encoded as Confluent's Maven plugin does "
            + "(orders/v1-value becomes orders_x2Fv1-value). A subject that cannot be downloaded is skipped, the "
            + "others are written, and the skipped ones are listed with the reason."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every subject written",
        "2:bad input, or some subjects skipped because they or the version do not exist (listed with the reason)",
        "3:registry unreachable or server error, or a file could not be written",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake download --registry http://localhost:8081 --all-versions \\",
        "      --output schemas",
        "  handshake download --registry http://localhost:8081 --subject users-value \\",
        "      --schema-version 2 --output schemas"})
final class DownloadCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RegistryClientOptions registryOptions;

  @Option(names = "--subject", paramLabel = "SUBJECT",
      description = "Subject to download; repeat for several. Default: every subject.")
  List<String> subjects = new ArrayList<>();

  @Option(names = "--schema-version", paramLabel = "VERSION",
      description = "Version to download: a number, or latest (the default). Ignored with --all-versions.")
  String schemaVersion;

  // The schema version was once --version, which every other command uses for the tool's version: without a
  // value it now prints the tool's version; with one it still works, with a deprecation warning.
  @Option(names = "--version", arity = "0..1", fallbackValue = "", paramLabel = "VERSION", hidden = true)
  String deprecatedVersion;

  @Option(names = "--all-versions", description = "Write every version to OUTPUT/history/<subject>/vN.avsc and "
      + "the levels to OUTPUT/compatibility.properties.")
  boolean allVersions;

  @Option(names = {"--output", "-o"}, paramLabel = "DIR", defaultValue = ".",
      description = "Directory to write to (default: the current directory).")
  Path output;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String version = schemaVersion;
    if (deprecatedVersion != null) {
      if (deprecatedVersion.isEmpty()) {
        out.println(spec.root().version()[0]);
        out.flush();
        return HandshakeCli.EXIT_OK;
      }
      err.println("handshake: download --version VERSION is deprecated (--version is the tool's version "
          + "everywhere else); use --schema-version " + deprecatedVersion);
      if (version == null) {
        version = deprecatedVersion;
      }
    }
    if (version == null) {
      version = "latest";
    }
    Integer number = allVersions || "latest".equals(version) ? null : number(version);
    DownloadConfiguration config = new DownloadConfiguration(registryOptions.connect(), subjects, List.of(),
        "--subject", number, allVersions, output);
    // each file written on standard output; the skipped subjects, with the reason, on standard error
    try {
      registryOptions.call(() -> new DownloadTask(config, TaskLog.of(out::println, err::println, err::println)).run());
      return HandshakeCli.EXIT_OK;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int number(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--schema-version must be a number or latest, got \"" + version + "\"", e);
    }
  }
}
