package dev.handshake.cli;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.usage.UsageJsonWriter;
import dev.handshake.core.usage.UsageMarkdownWriter;
import dev.handshake.core.report.TextReportWriter;
import dev.handshake.core.tasks.UsageConfiguration;
import dev.handshake.core.tasks.UsageTask;
import dev.handshake.core.usage.FieldUsageReport;
import dev.handshake.core.usage.UsageMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "usage", mixinStandardHelpOptions = true,
    description = {
        "The field-usage map: for every field of the producer's schemas, which consumers decode it (it is in "
            + "their reader schema), which assert on it (their contract names it) and which only read a default; "
            + "fields no consumer reads are safe to remove.",
        "Reads the contracts and the schemas only: no factories, no registry. A history/<subject>/vN.avsc folder "
            + "in --schemas (or beside it) gives the previous version, so removed fields are listed too. "
            + "handshake verify writes the same map as usage.md and usage.json."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the map was printed", "2:bad input (no contracts found, an invalid writer schema)",
        "3:a file could not be read or written",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake usage --contracts contracts --schemas schemas/user-events \\",
        "      >> $GITHUB_STEP_SUMMARY",
        "  handshake usage --contracts pacts --schemas schemas \\",
        "      --provider user-service --format json"})
final class UsageCommand implements Callable<Integer> {
  enum Format { markdown, json }

  @Spec
  CommandSpec spec;

  @Option(names = "--contracts", paramLabel = "PATH", defaultValue = "contracts",
      description = "A contract file, or a directory searched for *.json; repeat for several. Default: contracts.")
  List<Path> contracts = new ArrayList<>();

  @Option(names = "--schemas", paramLabel = "DIR", defaultValue = "schemas",
      description = "The producer's writer schemas (*.avsc; history/ is the registered versions). Default: schemas.")
  Path schemas;

  @Option(names = "--provider", paramLabel = "NAME", description = "Only contracts with this provider.")
  String provider;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
      description = "markdown (GitHub-flavoured, for $GITHUB_STEP_SUMMARY) or json. Default: markdown.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the map to this file instead of printing it.")
  Path output;

  @Override
  public Integer call() {
    Path base = Path.of("").toAbsolutePath();
    FieldUsageReport usage = new UsageTask(new UsageConfiguration(contracts, "--contracts", schemas, "--schemas",
        provider, "--provider", base)).run();
    PrintWriter err = spec.commandLine().getErr();
    usage.readerFindings().forEach(finding -> err.println(TextReportWriter.line(finding)));
    err.flush();
    UsageMap map = usage.map();
    String text = format == Format.json ? UsageJsonWriter.write(map) : UsageMarkdownWriter.write(map);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(text);
    } else {
      try {
        Path target = base.resolve(output);
        if (target.getParent() != null) {
          Files.createDirectories(target.getParent());
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new HandshakeIOException("cannot write the usage map to " + output, e);
      }
      out.println("Handshake usage: " + map.fields().size() + " field(s), " + map.consumers().size()
          + " consumer(s); written to " + output + ".");
    }
    out.flush();
    return HandshakeCli.EXIT_OK;
  }
}
