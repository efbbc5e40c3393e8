package dev.handshake.core.tasks;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.contract.ReadContracts;
import dev.handshake.core.files.ContractFiles;
import dev.handshake.core.files.ProjectPaths;
import dev.handshake.core.gate.FactoryFork;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.gate.GateReportFiles;
import dev.handshake.core.gate.PactVerifyProviderFactories;
import dev.handshake.core.gate.ProducerGate;
import dev.handshake.core.gate.WriterSchemas;
import dev.handshake.core.report.Finding;
import dev.handshake.core.report.TextReportWriter;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.usage.FieldUsageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The producer gate as the {@code verify} goal and {@code handshake verify} run it: find the contracts, load
 * the producer's schemas, run its factories in a forked JVM, verify, print each finding once, write the
 * report files and say whether the build fails. Bad configuration is an {@link InvalidInputException}; a file
 * that cannot be read or written a {@link HandshakeIOException}; factories that cannot run a
 * {@link HandshakeException}.
 */
public final class VerifyTask {
  private final VerifyConfiguration config;
  private final TaskLog log;

  public VerifyTask(VerifyConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  public VerifyOutcome run() {
    Path base = config.baseDirectory();
    List<ContractSource> sources = new ArrayList<>(ContractFiles.find(config.contractLocations(), base));
    sources.addAll(config.moreContracts());
    if (sources.isEmpty()) {
      return nothingToVerify("Handshake verify found no contract file: " + config.contractsHint()
          + missingLocations() + ".");
    }
    ReadContracts contracts = ReadContracts.read(sources, config.providerName().orElse(null));
    if (contracts.entries().isEmpty()) {
      return nothingToVerify("Handshake verify " + contracts.noContractFor(config.providerName().orElseThrow(),
          config.noContracts().providerOption(), locations()));
    }
    WriterSchemas writers;
    try {
      writers = WriterSchemas.load(resolve(config.schemasDirectory()), base);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("Handshake verify: a writer schema in " + config.schemasHint() + " "
          + display(config.schemasDirectory()) + " is invalid: " + e.getMessage(), e);
    }
    if (config.factoryTimeout().isNegative() || config.factoryTimeout().isZero()) {
      throw new InvalidInputException("the factory timeout must be a positive number of seconds, got "
          + config.factoryTimeout().toSeconds());
    }
    PactVerifyProviderFactories factories = factories();
    if (!factories.ambiguities().isEmpty()) {
      throw new InvalidInputException("Handshake verify cannot tell which factory builds an interaction: "
          + String.join("; ", factories.ambiguities()) + ". Keep one method per description and topic (a "
          + "factory returning a ProducerRecord names its topic; one returning a bare event matches any topic).");
    }
    log.info("Handshake verify: " + sources.size() + " contract file(s), " + factories.all().size()
        + " @PactVerifyProvider factory method(s) (run in a JVM in the module's directory, as Surefire runs tests), "
        + writers.size() + " writer schema(s).");
    GateReport gateReport = new ProducerGate().verify(contracts, factories, writers);
    FieldUsageReport usage = RemovalLevels.fieldUsage(contracts, writers, resolve(config.schemasDirectory()), base);
    GateReport report = usage.annotate(gateReport);
    for (Finding finding : report.findings()) {
      String line = TextReportWriter.line(finding, config.ruleDocs());
      if (finding.severity() == Severity.ERROR) {
        log.error(line);
      } else {
        log.warn(line);
      }
    }
    usage.notes().forEach(log::info);
    List<Path> files = write(report, usage);
    String summary = GateReportFiles.summary(report) + " Reports: "
        + files.stream().map(this::display).collect(Collectors.joining(", ")) + ".";
    boolean failOnWarnings = config.failOnWarning() && report.count(Severity.WARNING) > 0;
    if (report.hasErrors() || failOnWarnings) {
      log.error(summary);
      return new VerifyOutcome(report, files, Optional.of(summary + (report.hasErrors() ? "" : " (fail on warning "
          + "is set)") + " Each finding above names the consumer, the event, the field, the rule and the fix, and "
          + "links the rule's page."));
    }
    log.info(summary);
    return new VerifyOutcome(report, files, Optional.empty());
  }

  /** No contract to verify: an error unless the front end's opt-out made it a warning. */
  private VerifyOutcome nothingToVerify(String what) {
    VerifyConfiguration.NoContracts noContracts = config.noContracts();
    if (noContracts.fail()) {
      throw new InvalidInputException(what + " A run that verifies nothing would pass whatever the producer "
          + "changes. Correct the contracts location or the provider name"
          + (noContracts.optOut().isEmpty() ? "" : ", or use " + noContracts.optOut()
          + " for a producer that has no consumers yet") + ".");
    }
    log.warn(what + " Nothing verified" + (noContracts.optOut().isEmpty() ? "" : " (" + noContracts.optOut() + ")")
        + ".");
    return VerifyOutcome.nothingToVerify();
  }

  private String locations() {
    List<String> places = new ArrayList<>(config.contractLocations().stream().map(this::display).toList());
    if (!config.moreContracts().isEmpty()) {
      places.add(config.moreContracts().size() + " contract(s) from artifacts");
    }
    return String.join(", ", places);
  }

  private String missingLocations() {
    return config.contractLocations().stream().filter(location -> !Files.exists(resolve(location)))
        .map(location -> " (" + display(location) + " does not exist)").collect(Collectors.joining());
  }

  private PactVerifyProviderFactories factories() {
    FactoryFork fork = new FactoryFork(Path.of(System.getProperty("java.home"), "bin", "java"),
        config.factoryClasspath(), config.baseDirectory(), resolve(config.reportDirectory()).resolve("factories"),
        config.factoryTimeout());
    try {
      return fork.run(config.factoryClassDirectories());
    } catch (IOException e) {
      throw new HandshakeIOException("Handshake verify could not run the @PactVerifyProvider factories", e);
    } catch (HandshakeException e) {
      throw new HandshakeException("Handshake verify could not run the @PactVerifyProvider factories: "
          + e.getMessage(), e);
    }
  }

  private List<Path> write(GateReport report, FieldUsageReport usage) {
    Path directory = resolve(config.reportDirectory());
    try {
      List<Path> files = new ArrayList<>(GateReportFiles.write(report, directory,
          resolve(config.junitReportDirectory()), config.repositoryPaths(), config.ruleDocs()));
      files.addAll(usage.write(directory));
      return files;
    } catch (IOException e) {
      throw new HandshakeIOException("Handshake verify could not write its report to " + directory, e);
    }
  }

  private Path resolve(Path path) {
    return config.baseDirectory().resolve(path);
  }

  private String display(Path path) {
    return ProjectPaths.display(resolve(path), config.baseDirectory());
  }
}
