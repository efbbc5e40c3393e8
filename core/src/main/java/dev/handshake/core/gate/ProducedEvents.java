package dev.handshake.core.gate;

import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaFile;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Step 2 of the gate: the producer's real event for an interaction, as wire-format bytes with the writer
 * schema they were written with (the producer's own {@code .avsc} when it is the same schema, so findings
 * point at the producer's file).
 */
final class ProducedEvents {
  private final WriterSchemas writers;
  private final Map<Schema, SchemaFile> writerFiles = new IdentityHashMap<>();

  /** The event and its writer schema; {@code source} names the factory for messages. */
  record ProducedEvent(byte[] bytes, SchemaFile writer, String source, RecordEnvelope envelope) {
  }

  ProducedEvents(WriterSchemas writers) {
    this.writers = writers;
  }

  Optional<SchemaFile> writerFor(Schema reader) {
    return writers.forReader(reader);
  }

  void factoryMissing(FactoryChoice.Missing missing, InteractionFindings findings) {
    String description = findings.interaction().description();
    String topic = findings.interaction().topic().orElse("");
    if (!missing.onOtherTopics().isEmpty()) {
      findings.add(new Violation(Rule.FACTORY_MISSING, findings.interaction().pointer(), ValuePath.NONE,
          "No event factory builds \"" + description + "\" on topic \"" + topic + "\" for " + findings.who()
              + ": the @PactVerifyProvider(\"" + description + "\") methods build it on other topics: "
              + String.join(", ", missing.onOtherTopics()) + ".",
          "Add a @PactVerifyProvider(\"" + description + "\") method that returns the ProducerRecord the production "
              + "code sends to \"" + topic + "\".", Facts.NONE));
      return;
    }
    findings.add(new Violation(Rule.FACTORY_MISSING, findings.interaction().pointer(), ValuePath.NONE,
        "No event factory builds \"" + description + "\" for " + findings.who() + ": no method in the producer's "
            + "test classes is annotated @PactVerifyProvider(\"" + description + "\").",
        "Add to a test class: @PactVerifyProvider(\"" + description + "\") public <YourEvent> " + "build() "
            + "{ return <the event your production code builds>; } (annotation from "
            + "au.com.dius.pact.provider:junit5). The description must match the contract exactly.", Facts.NONE));
  }

  /** The consumer reads a topic the producer's factories do not publish (retired, or never published). */
  void topicNotPublished(FactoryChoice.TopicNotPublished notPublished, InteractionFindings findings) {
    String description = findings.interaction().description();
    String published = String.join(", ", notPublished.published().stream().map(t -> "\"" + t + "\"").toList());
    findings.add(new Violation(Rule.TOPIC_NOT_PUBLISHED,
        findings.interaction().metadataPointer(MessageInteraction.TOPIC), ValuePath.NONE,
        "Interaction \"" + description + "\" of consumer \"" + findings.consumer() + "\" read topic \""
            + notPublished.topic() + "\", which no event factory of the producer published: its factories' "
            + "records were sent to " + published + ".",
        "If the producer still publishes \"" + notPublished.topic() + "\", add a @PactVerifyProvider(\""
            + description + "\") method returning the ProducerRecord it sends there. If it retired the topic, "
            + "the consumer must move to " + published + " first: handshake can-i-retire tells when no deployed "
            + "consumer reads it.",
        Facts.of("published", published)));
  }

  /** The factory's event; empty (with a finding) when it failed or its bytes have no known writer schema. */
  Optional<ProducedEvent> build(EventFactory factory, SchemaFile readerFile, InteractionFindings findings) {
    String here = findings.interaction().pointer();
    EventOutcome outcome = factory.outcome();
    if (outcome instanceof EventOutcome.Failed failed) {
      findings.add(new Violation(Rule.FACTORY_FAILED, here, ValuePath.NONE,
          "The event factory " + factory.source() + " for " + findings.who() + " " + failed.what() + ".",
          failed.fix(), Facts.NONE));
      return Optional.empty();
    }
    if (outcome instanceof EventOutcome.Record record) {
      warnOfDrift(record.schema(), factory, findings);
      return Optional.of(new ProducedEvent(record.wireBytes(), writerFileFor(record.schema(), factory),
          factory.source(), record.envelope()));
    }
    EventOutcome.Serialized serialized = (EventOutcome.Serialized) outcome;
    byte[] bytes = serialized.wireBytes();
    Optional<SchemaFile> writer = writers.forReader(readerFile.schema());
    if (writer.isEmpty()) {
      String record = readerFile.schema().getFullName();
      findings.add(new Violation(Rule.WRITER_SCHEMA_MISSING, here, ValuePath.NONE,
          "The factory " + factory.source() + " for " + findings.who() + " returned serialized bytes, and no writer "
              + "schema for record \"" + record + "\" is among the producer's schemas.",
          "Put the producer's .avsc for " + record + " in the schemas directory "
              + "(<schemasDirectory>, default ${project.basedir}/schemas), or return the Avro record instead.",
          Facts.NONE));
      return Optional.empty();
    }
    return Optional.of(new ProducedEvent(bytes, writer.get(), factory.source(), serialized.envelope()));
  }

  /**
   * The gate writes a record with the schema it carries; when the producer's file for the same record says
   * otherwise (an edited .avsc, a stale generated class), what is registered is not what is sent. The verdict
   * stays the record's: this only says so.
   */
  private void warnOfDrift(Schema schema, EventFactory factory, InteractionFindings findings) {
    if (schema.getType() != Schema.Type.RECORD) {
      return;
    }
    Optional<SchemaFile> file = writers.byFullName(schema.getFullName());
    if (file.isEmpty() || sameSchema(file.get().schema(), schema)) {
      return;
    }
    String record = schema.getFullName();
    String path = file.get().displayPath();
    findings.add(new Violation(Rule.WRITER_SCHEMA_DRIFT, "", ValuePath.NONE,
        "The record \"" + record + "\" the factory " + factory.source() + " built for " + findings.who()
            + " has another schema than " + path + ": the record's fields are " + fieldNames(schema) + ", the "
            + "file's " + fieldNames(file.get().schema()) + ". The gate checked the record's schema.",
        "Regenerate the record's class from " + path + " (e.g. mvn generate-sources), or make " + path
            + " the schema the code writes, so the schema you register is the one your events use.", Facts.NONE),
        file.get().locate(""), Facts.of("schemaFile", path, "factory", factory.source()));
  }

  private static boolean sameSchema(Schema a, Schema b) {
    return SchemaNormalization.parsingFingerprint64(a) == SchemaNormalization.parsingFingerprint64(b);
  }

  private static String fieldNames(Schema record) {
    return record.getFields().stream().map(Schema.Field::name).collect(Collectors.joining(", ", "[", "]"));
  }

  private SchemaFile writerFileFor(Schema schema, EventFactory factory) {
    return writerFiles.computeIfAbsent(schema, s -> findWriterFile(s, factory));
  }

  private SchemaFile findWriterFile(Schema schema, EventFactory factory) {
    if (schema.getType() == Schema.Type.RECORD) {
      Optional<SchemaFile> file = writers.byFullName(schema.getFullName());
      if (file.isPresent() && sameSchema(file.get().schema(), schema)) {
        return file.get();
      }
    }
    return new SchemaFile("schema of the event from " + factory.source(), schema.toString(true), schema, List.of());
  }
}
