package dev.handshake.core.gate;

import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.ReaderFingerprint;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.InvalidSchemaException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Step 1 of the gate: the consumer's reader schema, as its contract states it, parsed once per text and checked
 * against its fingerprint.
 */
final class ReaderSchemas {
  private final SchemaLoader schemaLoader = new SchemaLoader();
  private final Map<String, SchemaFile> byText = new HashMap<>();
  private final Map<Schema, String> fingerprints = new IdentityHashMap<>();

  /** The interaction's reader schema; empty (with a finding) when there is none the gate can use. */
  Optional<SchemaFile> of(InteractionFindings findings) {
    MessageInteraction interaction = findings.interaction();
    String text = interaction.metadata().get(MessageInteraction.READER_SCHEMA);
    String pointer = interaction.metadataPointer(MessageInteraction.READER_SCHEMA);
    if (text == null || text.isBlank()) {
      findings.add(new Violation(Rule.READER_SCHEMA_INVALID, interaction.pointer(), "",
          "Interaction \"" + interaction.description() + "\" of " + findings.who() + " has no reader schema: its "
              + "metadata has no \"" + MessageInteraction.READER_SCHEMA + "\", so the gate cannot decode the "
              + "event as the consumer does.",
          "Write the contract with Handshake's junit5 helpers, which record the consumer's Avro reader schema "
              + "in the message metadata, and copy the new contract.", Map.of()));
      return Optional.empty();
    }
    SchemaFile file = byText.get(text);
    if (file == null) {
      String display = findings.contract().displayPath() + " (reader schema of \"" + interaction.description()
          + "\")";
      try {
        file = schemaLoader.parse(display, text, List.of());
      } catch (InvalidSchemaException e) {
        findings.add(new Violation(Rule.READER_SCHEMA_INVALID, pointer, "",
            "The reader schema of " + findings.who() + " is not a valid Avro schema: " + e.getMessage(),
            "Regenerate the contract from the consumer's tests with the schema its deserializer really uses.",
            Map.of()));
        return Optional.empty();
      }
      byText.put(text, file);
    }
    checkFingerprint(findings, file);
    return Optional.of(file);
  }

  private void checkFingerprint(InteractionFindings findings, SchemaFile file) {
    MessageInteraction interaction = findings.interaction();
    String stated = interaction.metadata().get(MessageInteraction.READER_FINGERPRINT);
    String actual = fingerprintOf(file.schema());
    if (stated != null && !stated.equalsIgnoreCase(actual)) {
      findings.add(new Violation(Rule.READER_SCHEMA_EDITED,
          interaction.metadataPointer(MessageInteraction.READER_FINGERPRINT), "",
          "The reader schema of " + findings.who() + " does not match its fingerprint (stated " + stated
              + ", computed " + actual + "): the schema was edited after the contract was written.",
          "Regenerate the contract from the consumer's tests instead of editing it by hand.",
          Violation.facts("expected", stated, "actual", actual)));
    }
  }

  String fingerprintOf(Schema schema) {
    return fingerprints.computeIfAbsent(schema, ReaderFingerprint::of);
  }
}
