package dev.handshake.core.gate;

import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.ReaderSchemas;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings of one contract interaction. Each step of the gate hands in its violations; they are rendered
 * here once, with the facts every finding about the interaction carries (consumer, contract, interaction,
 * topic), located in the contract unless the step chose another file.
 */
final class InteractionFindings {
  private final MessageContract contract;
  private final MessageInteraction interaction;
  private final List<Finding> findings = new ArrayList<>();

  InteractionFindings(MessageContract contract, MessageInteraction interaction) {
    this.contract = contract;
    this.interaction = interaction;
  }

  MessageContract contract() {
    return contract;
  }

  MessageInteraction interaction() {
    return interaction;
  }

  String consumer() {
    return contract.consumer();
  }

  /** Names the consumer, its contract and the interaction, for messages. */
  String who() {
    return contract.describe(interaction);
  }

  /** Step 1 of the gate: the interaction's reader schema; empty (with its finding) when there is none to use. */
  Optional<SchemaFile> readerSchema(ReaderSchemas readers) {
    ReaderSchemas.Reading reading = readers.of(contract, interaction);
    reading.violations().forEach(this::add);
    return reading.file();
  }

  /** A violation whose pointer is into the contract. */
  void add(Violation violation) {
    findings.add(Finding.of(violation, contract.locate(violation.pointer()), "", facts(violation.path())));
  }

  /** A violation found in a schema, located where the caller says (the producer's own file). */
  void add(Violation violation, Location location, Facts moreFacts) {
    findings.add(Finding.of(violation, location, "Contract " + contract.displayPath() + ", interaction \""
        + interaction.description() + "\".", facts(violation.path()).withDefaults(moreFacts)));
  }

  /** What was found; a pending interaction's errors as warnings, since the consumer has not yet asked for them. */
  List<Finding> findings() {
    if (!interaction.pending()) {
      return List.copyOf(findings);
    }
    return findings.stream()
        .map(f -> f.severity() != Severity.ERROR ? f : f.withSeverity(Severity.WARNING, "pending interaction"))
        .toList();
  }

  private Facts facts(ValuePath path) {
    Facts facts = Facts.NONE.consumer(contract.consumer()).and("provider", contract.provider())
        .and("contract", contract.displayPath()).and("interaction", interaction.description());
    if (!path.isEmpty()) {
      facts = facts.and("path", path.render());
    }
    String topic = interaction.metadata().get(MessageInteraction.TOPIC);
    return topic == null ? facts : facts.and("topic", topic);
  }
}
