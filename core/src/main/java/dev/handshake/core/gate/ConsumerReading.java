package dev.handshake.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.avro.AvroDecodeException;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.avro.DecodeFailures;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.contract.BodyMatcher;
import dev.handshake.core.contract.Mismatch;
import dev.handshake.core.gate.ProducedEvents.ProducedEvent;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaFile;
import java.util.List;

/**
 * Steps 3 and 4 of the gate: read the producer's bytes as the consumer does (Avro's resolution with its reader
 * schema), then match the JSON view against what the consumer's contract expects.
 */
final class ConsumerReading {
  private ConsumerReading() {
  }

  static void read(ProducedEvent event, SchemaFile readerFile, List<Violation> schemaViolations,
                   InteractionFindings findings) {
    Object decoded;
    try {
      decoded = WireFormat.decode(event.bytes(), event.writer().schema(), readerFile.schema());
    } catch (AvroDecodeException e) {
      findings.add(cannotDecode(event, readerFile, e, schemaViolations, findings));
      return;
    }
    JsonNode actual = AvroJsonView.toJson(decoded, readerFile.schema());
    for (Mismatch mismatch : BodyMatcher.match(findings.interaction(), actual)) {
      findings.add(mismatch(mismatch, event.source(), findings));
    }
  }

  private static Violation cannotDecode(ProducedEvent event, SchemaFile readerFile, AvroDecodeException e,
                                        List<Violation> schemaViolations, InteractionFindings findings) {
    ValuePath field = schemaViolations.isEmpty() ? ValuePath.NONE : schemaViolations.get(0).path();
    String avro = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
        : e.getMessage();
    return new Violation(Rule.CONSUMER_CANNOT_DECODE, findings.interaction().pointer(), field,
        "The event from " + event.source() + ", written with the producer's schema ("
            + event.writer().displayPath() + "), could not be decoded by " + findings.who() + " with its reader "
            + "schema " + readerFile.schema().getFullName() + (field.isEmpty() ? "" : " (field " + field + ")")
            + ": " + DecodeFailures.explain(avro) + ".",
        "Keep the producer's schema readable by this consumer's reader (see the schema findings for the field), "
            + "or have " + findings.consumer() + " deploy a reader that accepts the change first.",
        Facts.of("avro", avro).writerSchema(event.writer().displayPath()));
  }

  private static Violation mismatch(Mismatch mismatch, String source, InteractionFindings findings) {
    Rule rule = switch (mismatch.kind()) {
      case TYPE -> Rule.CONTRACT_TYPE_MISMATCH;
      case VALUE -> Rule.CONTRACT_VALUE_MISMATCH;
      case MISSING -> Rule.CONTRACT_FIELD_MISSING;
    };
    String consumer = findings.consumer();
    String fix = switch (mismatch.kind()) {
      case MISSING -> "Keep " + mismatch.path() + " in the event, or agree with " + consumer
          + " that it no longer needs it and have them publish a new contract without it.";
      default -> "Make the event from " + source + " satisfy the contract (fix the production code "
          + "that builds it), or, if the change is intended, agree it with " + consumer
          + " and have them update the matcher for " + mismatch.path() + " in their contract test.";
    };
    String who = findings.who();
    return new Violation(rule, mismatch.pointer(), ValuePath.ofPactPath(mismatch.path()),
        Character.toUpperCase(who.charAt(0)) + who.substring(1) + " " + mismatch.description()
            + " in the event from " + source + ", decoded with its reader schema.",
        fix, Violation.facts("expected", mismatch.expected(), "actual", mismatch.actual(), "matcher", mismatch.rule()));
  }
}
