package dev.handshake.core.gate;

import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.report.Finding;
import dev.handshake.core.source.Location;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.rules.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    return "consumer \"" + contract.consumer() + "\" (contract " + contract.displayPath() + ", interaction \""
        + interaction.description() + "\")";
  }

  /** A violation whose pointer is into the contract. */
  void add(Violation violation) {
    findings.add(Finding.of(violation, contract.locate(violation.pointer()), "", facts(violation.path())));
  }

  /** A violation found in a schema, located where the caller says (the producer's own file). */
  void add(Violation violation, Location location, Map<String, String> moreFacts) {
    Map<String, String> facts = facts(violation.path());
    facts.putAll(moreFacts);
    findings.add(Finding.of(violation, location, "Contract " + contract.displayPath() + ", interaction \""
        + interaction.description() + "\".", facts));
  }

  /** What was found; a pending interaction's errors as warnings, since the consumer has not yet asked for them. */
  List<Finding> findings() {
    if (!interaction.pending()) {
      return List.copyOf(findings);
    }
    return findings.stream().map(f -> f.severity() != Severity.ERROR ? f
        : new Finding(f.rule(), Severity.WARNING, f.location(), "(pending interaction) " + f.message(), f.fix(),
            f.details())).toList();
  }

  private Map<String, String> facts(String path) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("consumer", contract.consumer());
    facts.put("provider", contract.provider());
    facts.put("contract", contract.displayPath());
    facts.put("interaction", interaction.description());
    if (!path.isEmpty()) {
      facts.put("path", path);
    }
    String topic = interaction.metadata().get(MessageInteraction.TOPIC);
    if (topic != null) {
      facts.put("topic", topic);
    }
    return facts;
  }
}
