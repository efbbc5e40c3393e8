package dev.handshake.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.handshake.core.avro.AvroDecodeException;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.avro.DecodeFailures;
import dev.handshake.core.avro.NotWireFormatException;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.contract.BodyMatcher;
import dev.handshake.core.contract.ExpectedHeader;
import dev.handshake.core.contract.ExpectedKey;
import dev.handshake.core.contract.KeyFormat;
import dev.handshake.core.contract.Mismatch;
import dev.handshake.core.gate.ProducedEvents.ProducedEvent;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.source.SourcePositions;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaFile;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Step 5 of the gate: the record's key and headers, as the consumer reads them, against the key and headers its
 * contract says it needs. The key is read in the contract's key format (Kafka's primitive deserializers, or Avro
 * with the consumer's key reader schema), then matched like a body; a header is matched as UTF-8 text, the last
 * one of its name as {@code Headers.lastHeader} gives it.
 */
final class RecordEnvelopeCheck {
  private static final String WHOLE_RECORD = "Return the whole record from the factory (the ProducerRecord the "
      + "production code builds, or dev.handshake.core.gate.ProducedRecord), so the gate sees its key and headers.";

  private RecordEnvelopeCheck() {
  }

  static void check(ProducedEvent event, WriterSchemas writers, InteractionFindings findings) {
    ExpectedKey key = findings.interaction().key();
    if (key != null) {
      checkKey(key, event, writers, findings);
    }
    for (ExpectedHeader header : findings.interaction().headers()) {
      checkHeader(header, event, findings);
    }
  }

  private static void checkKey(ExpectedKey key, ProducedEvent event, WriterSchemas writers,
                               InteractionFindings findings) {
    RecordEnvelope envelope = event.envelope();
    if (envelope.key() == null) {
      String why = envelope.whole() ? "had no key (null)" : "was built by a factory that returned only the value";
      findings.add(new Violation(Rule.CONTRACT_KEY_MISMATCH, key.pointer(), ValuePath.named("key"),
          capitalized(findings.who()) + " expected a record key like " + key.example() + " (read as "
              + key.format().contractName() + "), but the record from " + event.source() + " " + why + ".",
          envelope.whole() ? "Set the key the consumer needs (" + key.example() + ") where the production code "
              + "builds the record." : WHOLE_RECORD,
          Violation.facts("expected", key.example().toString(), "actual", "no key")));
      return;
    }
    JsonNode actual;
    try {
      actual = read(key, envelope, writers);
    } catch (IllegalArgumentException | AvroDecodeException | NotWireFormatException e) {
      String reason = e instanceof AvroDecodeException avro ? DecodeFailures.explain(avro.getCause() != null
          && avro.getCause().getMessage() != null ? avro.getCause().getMessage() : avro.getMessage()) : e.getMessage();
      findings.add(new Violation(Rule.KEY_CANNOT_DECODE, key.pointer(), ValuePath.named("key"),
          capitalized(findings.who()) + " reads the record key as " + describe(key) + ", and could not read the key "
              + "from " + event.source() + " (" + envelope.key().length + " byte(s): 0x"
              + HexFormat.of().formatHex(envelope.key()) + "): " + reason + ".",
          "Write the key as the consumer reads it (" + describe(key) + ", the layout of Kafka's "
              + key.format().serde() + "), or agree a new key format with " + findings.consumer()
              + " and have them publish a new contract first.",
          Violation.facts("keyFormat", key.format().contractName(), "keyBytes",
              HexFormat.of().formatHex(envelope.key()))));
      return;
    }
    for (Mismatch mismatch : BodyMatcher.match(key.example(), key.rules(), actual, "key",
        segments -> pointer(key.pointer(), segments))) {
      findings.add(mismatch(Rule.CONTRACT_KEY_MISMATCH, mismatch, event, findings));
    }
  }

  private static JsonNode read(ExpectedKey key, RecordEnvelope envelope, WriterSchemas writers) {
    if (key.format() != KeyFormat.AVRO) {
      return key.format().read(envelope.key());
    }
    Optional<SchemaFile> writer = Optional.ofNullable(envelope.keySchema())
        .map(schema -> new SchemaFile("key schema", schema.toString(), schema, List.of()))
        .or(() -> writers.forReader(key.schema()));
    if (writer.isEmpty()) {
      throw new IllegalArgumentException("the key was given as bytes and the producer has no writer schema for "
          + "record " + key.schema().getFullName() + " among its schemas");
    }
    Object decoded = WireFormat.decode(envelope.key(), writer.get().schema(), key.schema());
    return AvroJsonView.toJson(decoded, key.schema());
  }

  private static void checkHeader(ExpectedHeader header, ProducedEvent event, InteractionFindings findings) {
    byte[] value = null;
    boolean present = false;
    for (ProducedRecord.Header actual : event.envelope().headers()) {
      if (actual.name().equals(header.name())) {
        present = true;
        value = actual.value();
      }
    }
    if (!present) {
      List<String> names = event.envelope().headers().stream().map(ProducedRecord.Header::name).distinct().toList();
      findings.add(new Violation(Rule.CONTRACT_HEADER_MISSING, header.pointer(), ValuePath.named("header " + header.name()),
          capitalized(findings.who()) + " expected header \"" + header.name() + "\" (like " + header.example()
              + "), but the record from " + event.source() + (event.envelope().whole() ? " had "
              + (names.isEmpty() ? "no headers" : "only " + names) : " was built by a factory that returned only "
              + "the value") + ".",
          event.envelope().whole() ? "Add header \"" + header.name() + "\" where the production code builds the "
              + "record, or agree with " + findings.consumer() + " that it no longer needs it." : WHOLE_RECORD,
          Violation.facts("header", header.name(), "expected", header.example().toString(), "actual", "missing")));
      return;
    }
    JsonNode actual = value == null ? com.fasterxml.jackson.databind.node.NullNode.instance
        : TextNode.valueOf(new String(value, StandardCharsets.UTF_8));
    for (Mismatch mismatch : BodyMatcher.match(header.example(), header.rules(), actual, "header " + header.name(),
        segments -> pointer(header.pointer(), segments))) {
      findings.add(mismatch(Rule.CONTRACT_HEADER_MISMATCH, mismatch, event, findings));
    }
  }

  private static Violation mismatch(Rule rule, Mismatch mismatch, ProducedEvent event, InteractionFindings findings) {
    return new Violation(rule, mismatch.pointer(), ValuePath.ofPactPath(mismatch.path()),
        capitalized(findings.who()) + " " + mismatch.description() + " in the record from " + event.source() + ".",
        "Make the record from " + event.source() + " satisfy the contract (fix the production code that builds "
            + "its " + (rule == Rule.CONTRACT_KEY_MISMATCH ? "key" : "headers") + "), or, if the change is "
            + "intended, agree it with " + findings.consumer() + " and have them update their contract test.",
        Violation.facts("expected", mismatch.expected(), "actual", mismatch.actual(), "matcher", mismatch.rule()));
  }

  private static String describe(ExpectedKey key) {
    return key.format() == KeyFormat.AVRO ? "Avro (" + key.schema().getFullName() + ", wire format)"
        : key.format().contractName();
  }

  private static String pointer(String base, List<String> segments) {
    StringBuilder pointer = new StringBuilder(base);
    segments.forEach(segment -> pointer.append('/').append(SourcePositions.escape(segment)));
    return pointer.toString();
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
