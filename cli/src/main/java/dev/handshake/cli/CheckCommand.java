package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.history.LocalSchemaRegistry;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.tasks.SubjectCheckJson;
import dev.handshake.core.tasks.SubjectCheckResult;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.tasks.CheckConfiguration;
import dev.handshake.core.tasks.CheckOutcome;
import dev.handshake.core.tasks.CheckTask;
import dev.handshake.core.tasks.TaskLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Checks a candidate schema against a subject's registered versions, as registering it would.",
        "Handshake's engine applies the subject's level (or --level): transitive levels compare with every "
            + "version, and each finding has a rule ID, a location and a fix. Against a registry (--registry) the "
            + "registry's own verdict is asked too, and the check fails when either says incompatible. Offline "
            + "(--schemas-dir) the history is DIR/history/<subject>/vN.avsc with levels in "
            + "DIR/compatibility.properties. A subject with no versions is compatible."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:compatible", "1:incompatible (the findings are printed)",
        "2:bad input (a schema that does not parse, an unknown level, a URL that is not a registry)",
        "3:registry unreachable or server error",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake check --registry http://localhost:8081 --subject users-value \\",
        "      schemas/User.avsc",
        "  handshake check --schemas-dir schemas --subject dev.example.User \\",
        "      schemas/User.avsc",
        "  handshake check --registry http://localhost:8081 --subject users-value \\",
        "      --level FULL_TRANSITIVE --format json schemas/User.avsc"})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Mixin
  RegistryClientOptions registryOptions;

  @Option(names = "--schemas-dir", paramLabel = "DIR",
      description = "Check offline against DIR/history/<subject>/vN.avsc and DIR/compatibility.properties. "
          + "With --registry: the local copy of the registry's history, so findings in a registered version "
          + "point at its file there.")
  Path schemasDir;

  @Option(names = "--subject", required = true, paramLabel = "SUBJECT", description = "The subject to check against.")
  String subject;

  @Option(names = "--level", paramLabel = "LEVEL",
      description = "Apply this level instead of the subject's: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, "
          + "FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.")
  String level;

  @Option(names = "--reference", paramLabel = "NAME=SUBJECT:VERSION",
      description = "A named type the candidate takes from another registered subject; repeat for several.")
  List<String> references = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json.")
  Format format;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Parameters(index = "0", paramLabel = "FILE.avsc", description = "The candidate schema.")
  Path file;

  @Override
  public Integer call() throws Exception {
    CompatibilityLevel override = level == null ? null : CompatibilityLevel.parse(level, "--level");
    SchemaRegistry registry = registry();
    PrintWriter out = spec.commandLine().getOut();
    CheckOutcome outcome = registryOptions.call(() -> {
      List<SchemaReference> refs = RegistryClientOptions.references(references);
      SchemaFile candidate = new SubjectCheck(registry).loadCandidate(file, refs);
      CheckConfiguration config = new CheckConfiguration(registry,
          List.of(new CheckConfiguration.Candidate(subject, candidate, refs, override)),
          Optional.ofNullable(registryOptions.hasRegistry() ? schemasDir : null), RuleDocs.DEFAULT);
      // text: every line on standard output as the task says it; json: one document after it ran
      return new CheckTask(config, format == Format.text ? TaskLog.of(out::println) : TaskLog.silent()).run();
    });
    SubjectCheckResult result = outcome.results().get(0);
    if (format == Format.json) {
      out.println(SubjectCheckJson.write(result));
    }
    out.flush();
    return result.compatible() ? HandshakeCli.EXIT_OK : HandshakeCli.EXIT_INCOMPATIBLE;
  }

  private SchemaRegistry registry() {
    if (schemasDir != null && !registryOptions.hasRegistry()) {
      return new LocalSchemaRegistry(schemasDir);
    }
    if (schemasDir != null && !java.nio.file.Files.isDirectory(schemasDir)) {
      throw new InvalidInputException("--schemas-dir " + schemasDir + " is not a directory; give the directory that "
          + "holds history/<subject>/vN.avsc (written by 'handshake download --all-versions --output DIR')");
    }
    if (!registryOptions.hasRegistry()) {
      throw new InvalidInputException("say where the subject's history is: --registry URL, or --schemas-dir DIR "
          + "for the offline history under DIR/history/<subject>/");
    }
    return registryOptions.connect();
  }
}
