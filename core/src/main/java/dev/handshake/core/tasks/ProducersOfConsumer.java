package dev.handshake.core.tasks;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.contract.ContractReader;
import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.deploy.DeployedService;
import dev.handshake.core.deploy.Environment;
import dev.handshake.core.deploy.ServiceVersion;
import dev.handshake.core.files.ProjectPaths;
import dev.handshake.core.gate.DeployedWriterCheck;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.gate.WriterSchemas;
import dev.handshake.core.registry.ReferenceResolver;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.report.Finding;
import dev.handshake.core.report.TextReportWriter;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import dev.handshake.core.tasks.Counterpart.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The consumer's side of can-i-deploy: the service's own contracts (its reader schemas) against the writer
 * schemas of every producer version recorded in the environment, from the schema files recorded for it, or
 * from the registry's latest version of each subject recorded for it.
 */
final class ProducersOfConsumer {
  private final CanIDeployConfiguration config;
  private final TaskLog log;

  ProducersOfConsumer(CanIDeployConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  List<Counterpart> check(Environment environment) {
    Map<String, List<MessageContract>> byProvider = ownContractsByProvider();
    List<Counterpart> answers = new ArrayList<>();
    for (Map.Entry<String, List<MessageContract>> provider : byProvider.entrySet()) {
      Optional<DeployedService> deployed = environment.service(provider.getKey());
      if (deployed.isEmpty()) {
        answers.add(Counterpart.unknown(provider.getKey(), "-", Role.PRODUCER, "not recorded in "
            + config.environment()));
        continue;
      }
      for (ServiceVersion version : deployed.get().versions()) {
        answers.add(check(provider.getKey(), version, provider.getValue()));
      }
    }
    return answers;
  }

  private Counterpart check(String provider, ServiceVersion version, List<MessageContract> contracts) {
    String who = provider + " " + version.version();
    Optional<WriterSchemas> writers;
    try {
      writers = writers(version);
    } catch (IOException e) {
      throw new HandshakeIOException("can-i-deploy could not read the schemas of " + who, e);
    }
    if (writers.isEmpty()) {
      return Counterpart.unknown(provider, version.version(), Role.PRODUCER, version.schemasPath()
          .map(p -> "schemas path " + p + " does not exist")
          .orElse(version.subjects().isEmpty() ? "no schemasPath or subjects recorded"
              : "subjects recorded but no registry configured"));
    }
    GateReport report = new DeployedWriterCheck().check(contracts, writers.get(), who);
    for (Finding finding : report.findings()) {
      String line = TextReportWriter.line(finding, config.gate().ruleDocs());
      if (finding.isError()) {
        log.error(line);
      } else {
        log.warn(line);
      }
    }
    return Counterpart.checked(provider, version.version(), Role.PRODUCER, report.interactions(),
        report.findings());
  }

  /** The producer version's writer schemas: its recorded schema files first, else the registry's. */
  private Optional<WriterSchemas> writers(ServiceVersion version) throws IOException {
    if (version.schemasPath().isPresent()) {
      Path directory = config.environments().directory().resolve(version.schemasPath().get()).normalize();
      return Files.isDirectory(directory)
          ? Optional.of(WriterSchemas.load(directory, config.gate().baseDirectory())) : Optional.empty();
    }
    if (version.subjects().isEmpty() || config.registry().isEmpty()) {
      return Optional.empty();
    }
    SchemaRegistry registry = config.registry().get();
    ReferenceResolver references = new ReferenceResolver(registry);
    List<SchemaFile> files = new ArrayList<>();
    for (String subject : version.subjects()) {
      RegisteredSchema latest = registry.latest(subject);
      files.add(new SchemaLoader().parse(registry.describe() + " subject " + subject + " v" + latest.version(),
          latest.schema(), references.resolve(latest.references())));
    }
    return Optional.of(WriterSchemas.of(files));
  }

  /** This service's contracts (as consumer), by provider; a contract it cannot read is bad input. */
  private Map<String, List<MessageContract>> ownContractsByProvider() {
    Map<String, List<MessageContract>> byProvider = new LinkedHashMap<>();
    for (MessageContract contract : ownContracts()) {
      if (contract.consumer().equals(config.service())) {
        byProvider.computeIfAbsent(contract.provider(), p -> new ArrayList<>()).add(contract);
      }
    }
    return byProvider;
  }

  /** The contracts in the service's own contract locations, whoever wrote them. */
  List<MessageContract> ownContracts() {
    ContractReader reader = new ContractReader();
    return ownContractFiles().stream()
        .map(file -> reader.read(file, ProjectPaths.display(file, config.gate().baseDirectory()))).toList();
  }

  private List<Path> ownContractFiles() {
    List<Path> files = new ArrayList<>();
    for (Path location : config.ownContracts()) {
      Path path = config.gate().baseDirectory().resolve(location);
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new HandshakeIOException("can-i-deploy could not list contracts in " + path, e);
        }
      } else if (!config.ownContracts().isEmpty() && !Files.exists(path)) {
        log.info("can-i-deploy: " + ProjectPaths.display(path, config.gate().baseDirectory()) + " does not exist; "
            + "no contracts of " + (config.service() == null ? "the service" : config.service())
            + " as a consumer there.");
      }
    }
    return files;
  }
}
