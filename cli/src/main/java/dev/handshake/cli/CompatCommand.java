package dev.handshake.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.CompatibilityReportJson;
import dev.handshake.core.report.GitHubAnnotationsWriter;
import dev.handshake.core.report.TextReportWriter;
import dev.handshake.core.tasks.CompatConfiguration;
import dev.handshake.core.tasks.CompatTask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compat", mixinStandardHelpOptions = true,
    description = {
        "Checks a candidate Avro schema against earlier versions of it, without a registry.",
        "Applies the level with Confluent Schema Registry's semantics: non-transitive levels compare with the "
            + "latest earlier version, transitive ones with every earlier version. Give the earlier versions "
            + "oldest first and the candidate last."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:compatible", "1:incompatible (the findings are printed)", "2:bad input or usage",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake compat --level BACKWARD schemas/v1.avsc schemas/v2.avsc",
        "  handshake compat --level FULL_TRANSITIVE --format github \\",
        "      v1.avsc v2.avsc v3.avsc",
        "  handshake compat --level BACKWARD --reference Address.avsc v1.avsc v2.avsc"})
final class CompatCommand implements Callable<Integer> {

  enum Format { text, json, github }

  @Spec
  CommandSpec spec;

  @Option(names = "--level", required = true, paramLabel = "LEVEL",
      description = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.")
  String level;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (default), json, or github (GitHub Actions annotations on the schema lines).")
  Format format;

  @Option(names = "--reference", paramLabel = "FILE.avsc",
      description = "A schema file defining named types the others use; repeat, dependencies first.")
  List<Path> references = new ArrayList<>();

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Parameters(arity = "1..*", paramLabel = "FILE.avsc",
      description = "Earlier versions oldest first, then the candidate.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    CompatibilityLevel parsedLevel = CompatibilityLevel.parse(level, "--level");
    CompatibilityReport report = new CompatTask(new CompatConfiguration(parsedLevel, files, references)).run();
    Path candidatePath = files.get(files.size() - 1);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(CompatibilityReportJson.toJson(report)));
    } else if (format == Format.github) {
      out.print(GitHubAnnotationsWriter.lines(report.findings()));
      out.println(summary(report, candidatePath));
    } else {
      out.print(TextReportWriter.lines(report.findings()));
      report.notes().forEach(note -> out.println("note: " + note));
      out.println(summary(report, candidatePath));
    }
    out.flush();
    return report.compatible() ? HandshakeCli.EXIT_OK : HandshakeCli.EXIT_INCOMPATIBLE;
  }

  private static String summary(CompatibilityReport report, Path candidate) {
    String compared = report.versionsCompared() + " earlier version" + (report.versionsCompared() == 1 ? "" : "s");
    if (report.compatible()) {
      return "compatible: " + candidate + " under " + report.level() + " (compared with " + compared + ")";
    }
    return "INCOMPATIBLE: " + candidate + " under " + report.level() + ": " + report.findings().size()
        + " finding" + (report.findings().size() == 1 ? "" : "s") + " (compared with " + compared + ")";
  }
}
