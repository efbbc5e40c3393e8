package dev.handshake.core.gate;

import dev.handshake.core.contract.ContractInvalidException;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.ReadContracts;
import dev.handshake.core.contract.ReaderSchemas;
import dev.handshake.core.gate.ProducedEvents.ProducedEvent;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The producer gate: for every consumer contract interaction, build the producer's real event, write it as
 * the producer does (Kafka wire format, producer's writer schema), read it as the consumer does (its reader
 * schema from the contract), and match the result against what the consumer expects. Beside it, the
 * static check of the producer's writer schema against each consumer's reader schema catches changes the
 * sample event happens not to exercise (a field made nullable, an enum symbol added). Every finding is
 * collected; the caller decides what fails. Each step is its own class; this one only orders them.
 */
public final class ProducerGate {
  /**
   * @param providerName only contracts with this provider are verified; null verifies all
   * @param factories    the producer's event factory for an interaction description, if it has one
   * @param writers      the producer's writer schemas (for events given as bytes, and for locations)
   */
  public GateReport verify(List<ContractSource> sources, String providerName,
                           Function<String, Optional<EventFactory>> factories, WriterSchemas writers) {
    return verify(ReadContracts.read(sources, providerName), byDescription(factories), writers);
  }

  /** The same over contracts already read (and filtered by provider), choosing by description only. */
  public GateReport verify(ReadContracts contracts, Function<String, Optional<EventFactory>> factories,
                           WriterSchemas writers) {
    return verify(contracts, byDescription(factories), writers);
  }

  /** The same with the producer's factories, chosen per interaction by description and topic. */
  public GateReport verify(ReadContracts contracts, PactVerifyProviderFactories factories, WriterSchemas writers) {
    return verify(contracts, (FactoryChooser) factories::choose, writers);
  }

  /** How the gate finds the factory of an interaction. */
  @FunctionalInterface
  public interface FactoryChooser {
    FactoryChoice choose(MessageInteraction interaction);
  }

  private static FactoryChooser byDescription(Function<String, Optional<EventFactory>> factories) {
    return interaction -> factories.apply(interaction.description()).<FactoryChoice>map(FactoryChoice.Chosen::new)
        .orElseGet(() -> new FactoryChoice.Missing(List.of()));
  }

  private GateReport verify(ReadContracts contracts, FactoryChooser factories, WriterSchemas writers) {
    ReaderSchemas readers = new ReaderSchemas();
    Steps steps = new Steps(readers, new ProducedEvents(writers), new ConsumerSchemaCheck(readers), factories,
        writers);
    List<GateReport.Check> checks = new ArrayList<>();
    for (ReadContracts.Entry entry : contracts.entries()) {
      if (entry.invalid() != null) {
        checks.add(new GateReport.Check("", entry.source().displayPath(), "",
            List.of(contractInvalid(entry.source(), entry.invalid()))));
        continue;
      }
      MessageContract contract = entry.contract();
      for (MessageInteraction interaction : contract.interactions()) {
        InteractionFindings findings = new InteractionFindings(contract, interaction);
        long started = System.nanoTime();
        Duration factoryTime = steps.run(findings);
        Duration time = Duration.ofNanos(System.nanoTime() - started).plus(factoryTime);
        checks.add(new GateReport.Check(contract.consumer(), contract.displayPath(), interaction.description(),
            findings.findings(), time));
      }
    }
    return new GateReport(contracts.entries().size(), contracts.skipped(), checks);
  }

  private static Finding contractInvalid(ContractSource source, ContractInvalidException e) {
    return Finding.of(new Violation(Rule.CONTRACT_INVALID, e.location().jsonPointer(), ValuePath.NONE,
        "Contract " + source.displayPath() + " could not be read: " + e.reason(),
        "Fix the contract at " + e.location().render() + ", or regenerate it by running the consumer's contract "
            + "tests (pact-jvm writes target/pacts/<consumer>-<provider>.json) and copy it again.",
        Violation.facts("contract", source.displayPath())), e.location());
  }

  private record Steps(ReaderSchemas readers, ProducedEvents events, ConsumerSchemaCheck schemaCheck,
                       FactoryChooser factories, WriterSchemas writers) {

    /** Checks one interaction; returns the time its factory took elsewhere (in a forked JVM), if any. */
    Duration run(InteractionFindings findings) {
      Optional<SchemaFile> reader = findings.readerSchema(readers);
      if (reader.isEmpty()) {
        return Duration.ZERO;
      }
      SchemaFile readerFile = reader.get();
      FactoryChoice choice = factories.choose(findings.interaction());
      if (choice instanceof FactoryChoice.TopicNotPublished notPublished) {
        events.topicNotPublished(notPublished, findings);
        return Duration.ZERO;
      }
      if (choice instanceof FactoryChoice.Missing missing) {
        events.factoryMissing(missing, findings);
        events.writerFor(readerFile.schema()).ifPresent(writer -> schemaCheck.check(readerFile, writer, findings));
        return Duration.ZERO;
      }
      EventFactory factory = ((FactoryChoice.Chosen) choice).factory();
      Optional<ProducedEvent> event = events.build(factory, readerFile, findings);
      if (event.isPresent()) {
        List<Violation> schemaViolations = schemaCheck.check(readerFile, event.get().writer(), findings);
        ConsumerReading.read(event.get(), readerFile, schemaViolations, findings);
        RecordEnvelopeCheck.check(event.get(), writers, findings);
      }
      return factory.callTime();
    }
  }
}
