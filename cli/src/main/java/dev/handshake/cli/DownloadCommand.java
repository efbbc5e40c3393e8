package dev.handshake.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
    List<String> wanted = subjects.isEmpty() ? registryOptions.call(registry::subjects) : subjects;
    PrintWriter out = spec.commandLine().getOut();
    for (String subject : wanted) {
      if (allVersions) {
        for (int number : registryOptions.call(() -> registry.versions(subject))) {
          RegisteredSchema schema = registryOptions.call(() -> registry.version(subject, number));
          out.println(write(output.resolve("history").resolve(safe(subject)).resolve("v" + number + ".avsc"),
              schema));
        }
      } else {
        RegisteredSchema schema = registryOptions.call(() -> "latest".equals(version) ? registry.latest(subject)
            : registry.version(subject, number(version)));
        out.println(write(output.resolve(safe(subject) + ".avsc"), schema));
      }
    }
    out.flush();
    return HandshakeCli.EXIT_OK;
  }

  private static String write(Path file, RegisteredSchema schema) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      String text = JSON.writeValueAsString(JSON.readTree(schema.schema())) + System.lineSeparator();
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file + " (subject " + schema.subject() + ", version " + schema.version() + ", id " + schema.id() + ")";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static int number(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--version must be a number or latest, got \"" + version + "\"", e);
    }
  }

  private static String safe(String subject) {
    if (subject.contains("/") || subject.contains("\\") || subject.equals("..") || subject.equals(".")) {
      throw new InvalidInputException("subject \"" + subject + "\" cannot be used as a file name; download it with "
          + "--version into a file of your choice is not supported, rename the subject or use the REST API");
    }
    return subject;
  }
}
