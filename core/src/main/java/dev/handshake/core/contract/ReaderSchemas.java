package dev.handshake.core.contract;

import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
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
 * The consumer's reader schema as its contract states it, read one way for every use (the gate, the
 * field-usage map): parsed once per text and checked against its fingerprint; a missing or invalid one is a
 * {@code READER_SCHEMA_INVALID} violation, an edited one {@code READER_SCHEMA_EDITED}.
 */
public final class ReaderSchemas {
  private final SchemaLoader schemaLoader = new SchemaLoader();
  private final Map<String, SchemaFile> byText = new HashMap<>();
  private final Map<Schema, String> fingerprints = new IdentityHashMap<>();

  /** An interaction's reader schema (none when it has no usable one) and what is wrong with it. */
  public record Reading(Optional<SchemaFile> file, List<Violation> violations) {
    public Reading {
      violations = List.copyOf(violations);
    }
  }

  public Reading of(MessageContract contract, MessageInteraction interaction) {
    String text = interaction.metadata().get(MessageInteraction.READER_SCHEMA);
    String pointer = interaction.metadataPointer(MessageInteraction.READER_SCHEMA);
    String who = contract.describe(interaction);
    if (text == null || text.isBlank()) {
      return new Reading(Optional.empty(), List.of(new Violation(Rule.READER_SCHEMA_INVALID, interaction.pointer(),
          ValuePath.NONE,
          "Interaction \"" + interaction.description() + "\" of " + who + " has no reader schema: its "
              + "metadata has no \"" + MessageInteraction.READER_SCHEMA + "\", so the gate cannot decode the "
              + "event as the consumer does.",
          "Write the contract with Handshake's junit5 helpers, which record the consumer's Avro reader schema "
              + "in the message metadata, and copy the new contract.", Facts.NONE)));
    }
    SchemaFile file = byText.get(text);
    if (file == null) {
      String display = contract.displayPath() + " (reader schema of \"" + interaction.description() + "\")";
      try {
        file = schemaLoader.parse(display, text, List.of());
      } catch (InvalidSchemaException e) {
        return new Reading(Optional.empty(), List.of(new Violation(Rule.READER_SCHEMA_INVALID, pointer,
            ValuePath.NONE, "The reader schema of " + who + " is not a valid Avro schema: " + e.getMessage(),
            "Regenerate the contract from the consumer's tests with the schema its deserializer really uses.",
            Facts.NONE)));
      }
      byText.put(text, file);
    }
    return new Reading(Optional.of(file), fingerprintViolation(interaction, who, file).stream().toList());
  }

  private Optional<Violation> fingerprintViolation(MessageInteraction interaction, String who, SchemaFile file) {
    String stated = interaction.metadata().get(MessageInteraction.READER_FINGERPRINT);
    String actual = fingerprintOf(file.schema());
    if (stated == null || stated.equalsIgnoreCase(actual)) {
      return Optional.empty();
    }
    return Optional.of(new Violation(Rule.READER_SCHEMA_EDITED,
        interaction.metadataPointer(MessageInteraction.READER_FINGERPRINT), ValuePath.NONE,
        "The reader schema of " + who + " does not match its fingerprint (stated " + stated
            + ", computed " + actual + "): the schema was edited after the contract was written.",
        "Regenerate the contract from the consumer's tests instead of editing it by hand.",
        Violation.facts("expected", stated, "actual", actual)));
  }

  public String fingerprintOf(Schema schema) {
    return fingerprints.computeIfAbsent(schema, ReaderFingerprint::of);
  }
}
