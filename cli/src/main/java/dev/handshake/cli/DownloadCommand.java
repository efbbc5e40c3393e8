package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaDownloader;
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
        "Downloads registered schemas as pretty-printed .avsc files: OUTPUT/<subject>.avsc (latest or --version),",
        "or with --all-versions OUTPUT/history/<subject>/vN.avsc, the layout 'check --schemas-dir' reads offline.",
        "Exit codes: 0 written, 2 bad input (unknown subject or version), 3 registry unreachable or server error."})
final class DownloadCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RegistryClientOptions registryOptions;

  @Option(names = "--subject", paramLabel = "SUBJECT",
      description = "Subject to download; repeat for several. Default: every subject.")
  List<String> subjects = new ArrayList<>();

  @Option(names = "--version", paramLabel = "VERSION", defaultValue = "latest",
      description = "Version to download (a number or latest; default latest). Ignored with --all-versions.")
  String version;

  @Option(names = "--all-versions", description = "Write every version to OUTPUT/history/<subject>/vN.avsc.")
  boolean allVersions;

  @Option(names = {"--output", "-o"}, paramLabel = "DIR", defaultValue = ".",
      description = "Directory to write to (default: the current directory).")
  Path output;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  // Not mixinStandardHelpOptions: its --version would take the name of the schema version option.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() {
    RestSchemaRegistry registry = registryOptions.connect();
    SchemaDownloader downloader = new SchemaDownloader(registry);
    Integer number = allVersions || "latest".equals(version) ? null : number(version);
    List<String> wanted = subjects.isEmpty() ? registryOptions.call(registry::subjects) : subjects;
    PrintWriter out = spec.commandLine().getOut();
    for (String subject : wanted) {
      List<SchemaDownloader.Downloaded> written = registryOptions.call(() -> allVersions
          ? downloader.history(subject, output) : List.of(downloader.one(subject, number, output)));
      written.forEach(file -> out.println(file.describe()));
    }
    out.flush();
    return HandshakeCli.EXIT_OK;
  }

  private static int number(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--version must be a number or latest, got \"" + version + "\"", e);
    }
  }
}
