package dev.handshake.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.avro.AvroDecodeException;
import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.core.avro.DecodeFailures;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.compat.Direction;
import dev.handshake.core.compat.PairChecker;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.report.Finding;
import dev.handshake.core.report.Location;
import dev.handshake.core.report.Severity;
import dev.handshake.core.schema.InvalidSchemaException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The producer gate: for every consumer contract interaction, build the producer's real event, write it as
 * the producer does (Kafka wire format, producer's writer schema), read it as the consumer does (its reader
 * schema from the contract), and match the result against what the consumer expects. Beside it, the
 * static check of the producer's writer schema against each consumer's reader schema catches changes the
 * sample event happens not to exercise (a field made nullable, an enum symbol added). Every finding is
 * collected; the caller decides what fails.
 */
public final class ProducerGate {
  private final ContractReader reader = new ContractReader();
  private final SchemaLoader schemaLoader = new SchemaLoader();
  private final PairChecker pairChecker = new PairChecker();
  private final Map<String, SchemaFile> readerCache = new HashMap<>();
  private final Map<Schema, String> fingerprints = new java.util.IdentityHashMap<>();
  private final Map<Schema, SchemaFile> writerFiles = new java.util.IdentityHashMap<>();

  /**
   * @param providerName only contracts with this provider are verified; null verifies all
   * @param factories    the producer's event factory for an interaction description, if it has one
   * @param writers      the producer's writer schemas (for events given as bytes, and for locations)
   */
  public GateReport verify(List<ContractSource> sources, String providerName,
                           Function<String, Optional<EventFactory>> factories, WriterSchemas writers) {
    List<GateReport.Check> checks = new ArrayList<>();
    Set<String> staticPairsChecked = new HashSet<>();
    int verified = 0;
    int skipped = 0;
    for (ContractSource source : sources) {
      MessageContract contract;
      try {
        contract = reader.read(source.file(), source.displayPath());
      } catch (ContractInvalidException e) {
        checks.add(new GateReport.Check("", source.displayPath(), "", List.of(contractInvalid(source, e))));
        verified++;
        continue;
      }
      if (providerName != null && !providerName.isBlank() && !providerName.equals(contract.provider())) {
        skipped++;
        continue;
      }
      verified++;
      for (MessageInteraction interaction : contract.interactions()) {
        Context context = new Context(contract, interaction);
        long started = System.nanoTime();
        Duration factoryTime = new InteractionCheck(context, factories, writers, staticPairsChecked).run();
        Duration time = Duration.ofNanos(System.nanoTime() - started).plus(factoryTime);
        List<Finding> findings = interaction.pending() ? pending(context.findings) : context.findings;
        checks.add(new GateReport.Check(contract.consumer(), contract.displayPath(), interaction.description(),
            findings, time));
      }
    }
    return new GateReport(verified, skipped, checks);
  }

  /** A pending interaction's errors are reported as warnings: the consumer has not yet asked for them. */
  private static List<Finding> pending(List<Finding> findings) {
    return findings.stream().map(f -> f.severity() != Severity.ERROR ? f
        : new Finding(f.rule(), Severity.WARNING, f.location(), "(pending interaction) " + f.message(), f.fix(),
            f.details())).toList();
  }

  private static Finding contractInvalid(ContractSource source, ContractInvalidException e) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("contract", source.displayPath());
    return new Finding(GateRule.CONTRACT_INVALID.name(), Severity.ERROR, e.location(),
        "Contract " + source.displayPath() + " could not be read: " + e.reason(),
        "Fix the contract at " + e.location().render() + ", or regenerate it by running the consumer's contract "
            + "tests (pact-jvm writes target/pacts/<consumer>-<provider>.json) and copy it again.",
        details);
  }

  /** The facts every finding about one interaction carries. */
  private static final class Context {
    final MessageContract contract;
    final MessageInteraction interaction;
    final List<Finding> findings = new ArrayList<>();

    Context(MessageContract contract, MessageInteraction interaction) {
      this.contract = contract;
      this.interaction = interaction;
    }

    String who() {
      return "consumer \"" + contract.consumer() + "\" (contract " + contract.displayPath() + ", interaction \""
          + interaction.description() + "\")";
    }

    Map<String, String> details(String path) {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("consumer", contract.consumer());
      details.put("provider", contract.provider());
      details.put("contract", contract.displayPath());
      details.put("interaction", interaction.description());
      if (path != null) {
        details.put("path", path);
      }
      String topic = interaction.metadata().get(MessageInteraction.TOPIC);
      if (topic != null) {
        details.put("topic", topic);
      }
      return details;
    }

    void add(GateRule rule, Severity severity, Location location, String message, String fix,
             Map<String, String> details) {
      findings.add(new Finding(rule.name(), severity, location, message, fix, details));
    }

    Location here() {
      return contract.locate(interaction.pointer());
    }
  }

  private final class InteractionCheck {
    private final Context ctx;
    private final Function<String, Optional<EventFactory>> factories;
    private final WriterSchemas writers;
    private final Set<String> staticPairsChecked;

    InteractionCheck(Context ctx, Function<String, Optional<EventFactory>> factories, WriterSchemas writers,
                     Set<String> staticPairsChecked) {
      this.ctx = ctx;
      this.factories = factories;
      this.writers = writers;
      this.staticPairsChecked = staticPairsChecked;
    }

    /** Checks the interaction; returns the time its factory took elsewhere (in a forked JVM), if any. */
    Duration run() {
      SchemaFile readerFile = readerSchema();
      if (readerFile == null) {
        return Duration.ZERO;
      }
      Optional<EventFactory> factory = factories.apply(ctx.interaction.description());
      if (factory.isEmpty()) {
        factoryMissing();
        writers.forReader(readerFile.schema()).ifPresent(writer -> staticCheck(readerFile, writer));
        return Duration.ZERO;
      }
      check(factory.get(), readerFile);
      return factory.get().callTime();
    }

    private void check(EventFactory factory, SchemaFile readerFile) {
      Event event = buildEvent(factory, readerFile);
      if (event == null) {
        return;
      }
      List<Finding> staticFindings = staticCheck(readerFile, event.writer);
      Object decoded;
      try {
        decoded = WireFormat.decode(event.bytes, event.writer.schema(), readerFile.schema());
      } catch (AvroDecodeException e) {
        cannotDecode(factory, event, readerFile, e, staticFindings);
        return;
      }
      JsonNode actual = AvroJsonView.toJson(decoded, readerFile.schema());
      for (Mismatch mismatch : BodyMatcher.match(ctx.interaction, actual)) {
        mismatch(mismatch, factory);
      }
    }

    private SchemaFile readerSchema() {
      MessageInteraction interaction = ctx.interaction;
      String text = interaction.metadata().get(MessageInteraction.READER_SCHEMA);
      String pointer = interaction.metadataPointer(MessageInteraction.READER_SCHEMA);
      if (text == null || text.isBlank()) {
        ctx.add(GateRule.READER_SCHEMA_INVALID, Severity.ERROR, ctx.here(),
            "Interaction \"" + interaction.description() + "\" of " + ctx.who() + " has no reader schema: its "
                + "metadata has no \"" + MessageInteraction.READER_SCHEMA + "\", so the gate cannot decode the "
                + "event as the consumer does.",
            "Write the contract with Handshake's junit5 helpers, which record the consumer's Avro reader schema "
                + "in the message metadata, and copy the new contract.",
            ctx.details(null));
        return null;
      }
      String display = ctx.contract.displayPath() + " (reader schema of \"" + interaction.description() + "\")";
      SchemaFile file = readerCache.get(text);
      if (file == null) {
        try {
          file = schemaLoader.parse(display, text, List.of());
        } catch (InvalidSchemaException e) {
          ctx.add(GateRule.READER_SCHEMA_INVALID, Severity.ERROR, ctx.contract.locate(pointer),
              "The reader schema of " + ctx.who() + " is not a valid Avro schema: " + e.getMessage(),
              "Regenerate the contract from the consumer's tests with the schema its deserializer really uses.",
              ctx.details(null));
          return null;
        }
        readerCache.put(text, file);
      }
      String stated = interaction.metadata().get(MessageInteraction.READER_FINGERPRINT);
      if (stated != null) {
        String actual = fingerprintOf(file.schema());
        if (!stated.equalsIgnoreCase(actual)) {
          Map<String, String> details = ctx.details(null);
          details.put("expected", stated);
          details.put("actual", actual);
          ctx.add(GateRule.READER_SCHEMA_INVALID, Severity.WARNING,
              ctx.contract.locate(interaction.metadataPointer(MessageInteraction.READER_FINGERPRINT)),
              "The reader schema of " + ctx.who() + " does not match its fingerprint (stated " + stated
                  + ", computed " + actual + "): the schema was edited after the contract was written.",
              "Regenerate the contract from the consumer's tests instead of editing it by hand.", details);
        }
      }
      return file;
    }

    private void factoryMissing() {
      String description = ctx.interaction.description();
      ctx.add(GateRule.FACTORY_MISSING, Severity.ERROR, ctx.here(),
          "No event factory builds \"" + description + "\" for " + ctx.who() + ": no method in the producer's "
              + "test classes is annotated @PactVerifyProvider(\"" + description + "\").",
          "Add to a test class: @PactVerifyProvider(\"" + description + "\") public <YourEvent> " + "build() "
              + "{ return <the event your production code builds>; } (annotation from "
              + "au.com.dius.pact.provider:junit5). The description must match the contract exactly.",
          ctx.details(null));
    }

    private record Event(byte[] bytes, SchemaFile writer) {
    }

    private Event buildEvent(EventFactory factory, SchemaFile readerFile) {
      EventOutcome outcome = factory.outcome();
      if (outcome instanceof EventOutcome.Failed failed) {
        factoryFailed(factory, failed.what(), failed.fix());
        return null;
      }
      if (outcome instanceof EventOutcome.Record record) {
        return new Event(record.wireBytes(), writerFileFor(record.schema(), factory));
      }
      byte[] bytes = ((EventOutcome.Serialized) outcome).wireBytes();
      Optional<SchemaFile> writer = writers.forReader(readerFile.schema());
      if (writer.isEmpty()) {
        ctx.add(GateRule.WRITER_SCHEMA_MISSING, Severity.ERROR, ctx.here(),
            "The factory " + factory.source() + " for " + ctx.who() + " returned serialized bytes, and no writer "
                + "schema for record \"" + readerFile.schema().getFullName() + "\" is among the producer's schemas.",
            "Put the producer's .avsc for " + readerFile.schema().getFullName() + " in the schemas directory "
                + "(<schemasDirectory>, default ${project.basedir}/schemas), or return the Avro record instead.",
            ctx.details(null));
        return null;
      }
      return new Event(bytes, writer.get());
    }

    private SchemaFile writerFileFor(Schema schema, EventFactory factory) {
      SchemaFile known = writerFiles.get(schema);
      if (known != null) {
        return known;
      }
      SchemaFile file = findWriterFile(schema, factory);
      writerFiles.put(schema, file);
      return file;
    }

    private SchemaFile findWriterFile(Schema schema, EventFactory factory) {
      if (schema.getType() == Schema.Type.RECORD) {
        Optional<SchemaFile> file = writers.byFullName(schema.getFullName());
        if (file.isPresent() && sameSchema(file.get().schema(), schema)) {
          return file.get();
        }
      }
      String text = schema.toString(true);
      return new SchemaFile("schema of the event from " + factory.source(), text, schema, List.of());
    }

    private void factoryFailed(EventFactory factory, String what, String fix) {
      ctx.add(GateRule.FACTORY_FAILED, Severity.ERROR, ctx.here(),
          "The event factory " + factory.source() + " for " + ctx.who() + " " + what + ".", fix,
          ctx.details(null));
    }

    private List<Finding> staticCheck(SchemaFile readerFile, SchemaFile writerFile) {
      String key = ctx.contract.consumer() + "\n" + fingerprintOf(readerFile.schema()) + "\n"
          + fingerprintOf(writerFile.schema());
      if (!staticPairsChecked.add(key)) {
        return null; // already reported for an earlier interaction with the same reader
      }
      List<Finding> raw = staticFindings(readerFile, writerFile);
      for (Finding finding : raw) {
        String writerPointer = SchemaPointers.translate(readerFile.schema(), writerFile.schema(),
            finding.location().jsonPointer());
        Location location = writerFile.locate(writerPointer);
        Map<String, String> details = ctx.details(finding.details().get("path"));
        finding.details().forEach(details::putIfAbsent);
        details.put("readerSchema", readerFile.schema().getFullName());
        details.put("writerSchema", writerFile.displayPath());
        ctx.findings.add(new Finding(finding.rule(), finding.severity(), location,
            finding.message() + " Contract " + ctx.contract.displayPath() + ", interaction \""
                + ctx.interaction.description() + "\".",
            finding.fix(), details));
      }
      return raw;
    }

    private List<Finding> staticFindings(SchemaFile readerFile, SchemaFile writerFile) {
      return pairChecker.check(new SchemaVersion("consumer \"" + ctx.contract.consumer() + "\"", readerFile),
          new SchemaVersion("the producer's schema", writerFile), Direction.FORWARD);
    }

    private void cannotDecode(EventFactory factory, Event event, SchemaFile readerFile, AvroDecodeException e,
                              List<Finding> checked) {
      // the static check ran for an earlier interaction with the same pair: run it again to name the field
      List<Finding> staticFindings = checked != null ? checked : staticFindings(readerFile, event.writer);
      String field = staticFindings.isEmpty() ? null : staticFindings.get(0).details().get("path");
      Map<String, String> details = ctx.details(field);
      String avro = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
          : e.getMessage();
      details.put("avro", avro);
      details.put("writerSchema", event.writer.displayPath());
      Location location = ctx.here();
      ctx.add(GateRule.CONSUMER_CANNOT_DECODE, Severity.ERROR, location,
          "The event from " + factory.source() + ", written with the producer's schema ("
              + event.writer.displayPath() + "), could not be decoded by " + ctx.who() + " with its reader schema "
              + readerFile.schema().getFullName() + (field == null ? "" : " (field " + field + ")") + ": "
              + DecodeFailures.explain(avro) + ".",
          "Keep the producer's schema readable by this consumer's reader (see the schema findings for the field), "
              + "or have " + ctx.contract.consumer() + " deploy a reader that accepts the change first.",
          details);
    }

    private void mismatch(Mismatch mismatch, EventFactory factory) {
      GateRule rule = switch (mismatch.kind()) {
        case TYPE -> GateRule.CONTRACT_TYPE_MISMATCH;
        case VALUE -> GateRule.CONTRACT_VALUE_MISMATCH;
        case MISSING -> GateRule.CONTRACT_FIELD_MISSING;
      };
      Map<String, String> details = ctx.details(mismatch.path());
      details.put("expected", mismatch.expected());
      details.put("actual", mismatch.actual());
      details.put("matcher", mismatch.rule());
      String fix = switch (mismatch.kind()) {
        case MISSING -> "Keep " + mismatch.path() + " in the event, or agree with " + ctx.contract.consumer()
            + " that it no longer needs it and have them publish a new contract without it.";
        default -> "Make the event from " + factory.source() + " satisfy the contract (fix the production code "
            + "that builds it), or, if the change is intended, agree it with " + ctx.contract.consumer()
            + " and have them update the matcher for " + mismatch.path() + " in their contract test.";
      };
      ctx.add(rule, Severity.ERROR, ctx.contract.locate(mismatch.pointer()),
          "Consumer \"" + ctx.contract.consumer() + "\" (contract " + ctx.contract.displayPath() + ", interaction \""
              + ctx.interaction.description() + "\") " + mismatch.description()
              + " in the event from " + factory.source() + ", decoded with its reader schema.",
          fix, details);
    }
  }

  private String fingerprintOf(Schema schema) {
    return fingerprints.computeIfAbsent(schema, ReaderFingerprint::of);
  }

  private static boolean sameSchema(Schema a, Schema b) {
    return SchemaNormalization.parsingFingerprint64(a) == SchemaNormalization.parsingFingerprint64(b);
  }
}
