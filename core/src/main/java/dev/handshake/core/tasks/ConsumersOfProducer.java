package dev.handshake.core.tasks;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.contract.ContractReader;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.deploy.DeployedService;
import dev.handshake.core.deploy.Environment;
import dev.handshake.core.deploy.RecordedContracts;
import dev.handshake.core.deploy.ServiceVersion;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.report.Finding;
import dev.handshake.core.tasks.Counterpart.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The producer's side of can-i-deploy: the gate, run once over the contracts of every consumer version recorded
 * in the environment, then split into one verdict per consumer version by the contract each check came from.
 */
final class ConsumersOfProducer {
  private final CanIDeployConfiguration config;
  private final TaskLog log;
  private final Set<String> providersSeen = new TreeSet<>();

  ConsumersOfProducer(CanIDeployConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  /** A recorded consumer version and the contract files found for it. */
  private record Found(DeployedService service, ServiceVersion version, List<ContractSource> contracts) {
  }

  List<Counterpart> check(Environment environment) {
    RecordedContracts recorded = new RecordedContracts(config.environments().directory(),
        config.reportDirectory().resolve("can-i-deploy").resolve("contract-artifacts"),
        config.gate().baseDirectory(), config.artifacts());
    List<Counterpart> answers = new ArrayList<>();
    List<Found> found = new ArrayList<>();
    for (DeployedService service : environment.services()) {
      if (service.name().equals(config.service())) {
        continue; // the version being deployed replaces it
      }
      for (ServiceVersion version : service.versions()) {
        if (!version.hasContracts()) {
          continue; // records no contracts: not a consumer
        }
        RecordedContracts.Lookup lookup = lookup(recorded, version);
        if (lookup.contracts().isEmpty()) {
          answers.add(Counterpart.unknown(service.name(), version.version(), Role.CONSUMER, lookup.missing()));
        } else if (mayConsume(lookup.contracts().get())) {
          found.add(new Found(service, version, lookup.contracts().get()));
        } else {
          log.info("can-i-deploy: " + service.name() + " " + version.version() + " has no contract with "
              + config.service() + "; not a consumer of it.");
        }
      }
    }
    if (!found.isEmpty()) {
      answers.addAll(verdicts(found, gate(found)));
    }
    return inFileOrder(answers, environment);
  }

  /** The providers named by the recorded contracts read so far (all of them when none is this service's). */
  Set<String> providersSeen() {
    return providersSeen;
  }

  /** The table lists counterparts as the environment file does, whatever was answered first. */
  private static List<Counterpart> inFileOrder(List<Counterpart> answers, Environment environment) {
    List<String> order = new ArrayList<>();
    environment.services().forEach(s -> s.versions().forEach(v -> order.add(s.name() + "\n" + v.version())));
    return answers.stream().sorted(Comparator.comparingInt(a -> order.indexOf(a.name() + "\n" + a.version())))
        .toList();
  }

  /**
   * Whether any of the contracts may be with this producer: one for it, or one the gate must report as unreadable.
   * Versions with contracts for other providers only need no gate run (nor its factory JVM).
   */
  private boolean mayConsume(List<ContractSource> contracts) {
    ContractReader reader = new ContractReader();
    for (ContractSource source : contracts) {
      try {
        String provider = reader.read(source.file(), source.displayPath()).provider();
        providersSeen.add(provider);
        if (provider.equals(config.service())) {
          return true;
        }
      } catch (InvalidInputException unreadable) {
        return true;
      }
    }
    return false;
  }

  private RecordedContracts.Lookup lookup(RecordedContracts recorded, ServiceVersion version) {
    try {
      return recorded.find(version);
    } catch (IOException e) {
      throw new HandshakeIOException("can-i-deploy could not read the contracts at " + version.contractsLocation(), e);
    }
  }

  /** One gate run over every consumer version's contracts (one JVM for the producer's factories). */
  private GateReport gate(List<Found> found) {
    List<ContractSource> all = new ArrayList<>();
    found.forEach(f -> all.addAll(f.contracts()));
    VerifyConfiguration gate = config.gate();
    Path reports = gate.reportDirectory().resolve("can-i-deploy");
    VerifyConfiguration forEnvironment = new VerifyConfiguration(gate.baseDirectory(), List.of(), distinct(all),
        "no consumer in " + config.environment() + " has contracts", Optional.of(config.service()),
        gate.schemasDirectory(), gate.schemasHint(), gate.factoryClasspath(), gate.factoryClassDirectories(),
        gate.factoryTimeout(), reports, reports, gate.repositoryPaths(), gate.ruleDocs(), gate.failOnWarning(),
        VerifyConfiguration.NoContracts.ALLOWED);
    GateReport report = new VerifyTask(forEnvironment, log).run().report();
    return report == null ? new GateReport(0, 0, List.of()) : report;
  }

  /** Two versions may record the same contracts: the gate checks them once and both get the answer. */
  private static List<ContractSource> distinct(List<ContractSource> sources) {
    Map<String, ContractSource> byLabel = new LinkedHashMap<>();
    sources.forEach(s -> byLabel.putIfAbsent(s.displayPath(), s));
    return List.copyOf(byLabel.values());
  }

  private List<Counterpart> verdicts(List<Found> found, GateReport report) {
    List<Counterpart> answers = new ArrayList<>();
    for (Found consumer : found) {
      List<String> labels = consumer.contracts().stream().map(ContractSource::displayPath).toList();
      List<GateReport.Check> checks = report.checks().stream().filter(c -> labels.contains(c.contractFile()))
          .toList();
      if (checks.isEmpty()) {
        log.info("can-i-deploy: " + consumer.service().name() + " " + consumer.version().version() + " has no "
            + "contract with " + config.service() + "; not a consumer of it.");
        continue;
      }
      List<Finding> findings = checks.stream().flatMap(c -> c.findings().stream()).toList();
      int interactions = (int) checks.stream().filter(c -> !c.description().isEmpty()).count();
      answers.add(Counterpart.checked(consumer.service().name(), consumer.version().version(), Role.CONSUMER,
          interactions, findings));
    }
    return answers;
  }
}
