package dev.handshake.cli;

import dev.handshake.core.registry.IncompatibleSchemaException;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SubjectCheck;
import dev.handshake.core.registry.SubjectCheckResult;
import dev.handshake.core.report.TextReportWriter;
import dev.handshake.core.schema.SchemaFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "register", mixinStandardHelpOptions = true,
    description = {
        "Registers an Avro schema under a subject and prints its id.",
        "An identical schema keeps its id. The registry enforces the subject's compatibility level; when it "
            + "refuses the schema, Handshake's findings for it are printed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:registered (the id is printed)", "1:incompatible (the findings are printed)",
        "2:bad input (a schema that does not parse, refused credentials, a URL that is not a registry)",
        "3:registry unreachable or server error"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake register --registry http://localhost:8081 --subject users-value \\",
        "      schemas/User.avsc",
        "  handshake register --registry http://localhost:8081 --subject dev.example.Order \\",
        "      --reference dev.example.Address=dev.example.Address:1 schemas/Order.avsc"})
final class RegisterCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RegistryClientOptions registryOptions;

  @Option(names = "--subject", required = true, paramLabel = "SUBJECT",
      description = "Subject to register under, e.g. dev.handshake.example.user.UserCreated (RecordNameStrategy) "
          + "or user-events-value (TopicNameStrategy).")
  String subject;

  @Option(names = "--reference", paramLabel = "NAME=SUBJECT:VERSION",
      description = "A named type the schema takes from another registered subject; repeat for several.")
  List<String> references = new ArrayList<>();

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Parameters(index = "0", paramLabel = "FILE.avsc", description = "The schema to register.")
  Path file;

  @Override
  public Integer call() {
    RestSchemaRegistry registry = registryOptions.connect();
    List<SchemaReference> refs = RegistryClientOptions.references(references);
    SubjectCheck check = new SubjectCheck(registry);
    // Parse locally first: a broken file gets file:line:col here instead of the registry's 42201.
    SchemaFile schema = registryOptions.call(() -> check.loadCandidate(file, refs));
    new RegistrySchema(schema.text(), refs).requireRegistrableSize(schema.displayPath());
    PrintWriter out = spec.commandLine().getOut();
    try {
      int id = registryOptions.call(() -> registry.register(subject, new RegistrySchema(schema.text(), refs)));
      out.println(id);
      out.flush();
      return HandshakeCli.EXIT_OK;
    } catch (IncompatibleSchemaException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("handshake: " + e.getMessage());
      err.flush();
      SubjectCheckResult result = registryOptions.call(() -> check.check(subject, schema, refs, null));
      out.print(TextReportWriter.lines(result.report().findings()));
      result.registryLines().forEach(out::println);
      out.println(result.summary());
      out.flush();
      return HandshakeCli.EXIT_INCOMPATIBLE;
    }
  }
}
