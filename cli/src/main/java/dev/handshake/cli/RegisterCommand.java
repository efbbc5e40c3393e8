package dev.handshake.cli;

import dev.handshake.core.registry.IncompatibleSchemaException;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.tasks.SubjectCheck;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.tasks.RegisterTask;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "register", mixinStandardHelpOptions = true,
    description = {
        "Registers an Avro schema under a subject and prints its id.",
        "The schema is checked first, as handshake:register does, under the level the registry applies: when it is "
            + "incompatible nothing is registered and Handshake's findings are printed. An identical schema keeps "
            + "its id."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:registered (the id is printed)", "1:incompatible (the findings are printed)",
        "2:bad input (a schema that does not parse, refused credentials, a URL that is not a registry)",
        "3:registry unreachable or server error",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake register --registry http://localhost:8081 --subject users-value \\",
        "      schemas/User.avsc",
        "  handshake register --registry http://localhost:8081 \\",
        "      --subject dev.example.Order \\",
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
    // Parse locally first: a broken file gets file:line:col here instead of the registry's 42201.
    SchemaFile schema = registryOptions.call(() -> new SubjectCheck(registry).loadCandidate(file, refs));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // stdout carries only the id on success, for scripts; findings go there when the schema is refused
    RegisterTask task = new RegisterTask(registry, RuleDocs.DEFAULT,
        TaskLog.of(line -> { }, line -> err.println("warning: " + line), out::println));
    try {
      RegisterTask.RegisterOutcome outcome = registryOptions.call(
          () -> task.run(List.of(new RegisterTask.Candidate(subject, schema, refs))));
      if (outcome.refused()) {
        err.println("handshake: nothing was registered: " + schema.displayPath() + " is incompatible with subject "
            + subject + " at " + registry.describe() + " (the findings are printed above)");
        return HandshakeCli.EXIT_INCOMPATIBLE;
      }
      out.println(outcome.registered().get(0).id());
      return HandshakeCli.EXIT_OK;
    } catch (IncompatibleSchemaException e) {
      // another client registered a version between the check and the registration
      err.println("handshake: " + e.getMessage());
      return HandshakeCli.EXIT_INCOMPATIBLE;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
