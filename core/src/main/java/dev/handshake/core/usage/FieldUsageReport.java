package dev.handshake.core.usage;

import dev.handshake.core.contract.ReadContracts;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.gate.WriterSchemas;
import dev.handshake.core.report.Finding;
import dev.handshake.core.schema.SchemaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The field-usage map as the gate uses it: built from the same contracts and writer schemas, it names every
 * consumer that reads the field a finding is about, notes each removed field no consumer reads, and is written
 * as {@code usage.md} and {@code usage.json} beside the gate's other reports.
 */
public final class FieldUsageReport {
  public static final String MARKDOWN = "usage.md";
  public static final String JSON = "usage.json";

  private final UsageMap map;
  private final List<Finding> readerFindings;

  public FieldUsageReport(UsageMap map) {
    this(map, List.of());
  }

  private FieldUsageReport(UsageMap map, List<Finding> readerFindings) {
    this.map = map;
    this.readerFindings = List.copyOf(readerFindings);
  }

  /**
   * @param schemasDirectory the producer's schemas; its {@code history/} (or one beside it) gives the previous
   *                         version of each subject, to find removed fields
   */
  public static FieldUsageReport of(ReadContracts contracts, WriterSchemas writers, Path schemasDirectory,
                                    Path displayBase) {
    List<SchemaFile> files = writers.files();
    List<String> subjects = files.stream().map(f -> f.schema().getFullName()).toList();
    UsageSources.Readers readers = UsageSources.readers(contracts.contracts());
    UsageMap map = UsageMapBuilder.build(files, readers.readers(),
        UsageSources.previousVersions(schemasDirectory, subjects, displayBase));
    return new FieldUsageReport(map, readers.findings());
  }

  /** The same report over another map (the map judged by the subjects' levels). */
  public FieldUsageReport withMap(UsageMap judged) {
    return new FieldUsageReport(judged, readerFindings);
  }

  public UsageMap map() {
    return map;
  }

  /**
   * The findings about reader schemas the map could not use (or that warn), the same the gate reports for them:
   * those consumers' fields are missing from the map.
   */
  public List<Finding> readerFindings() {
    return readerFindings;
  }

  /** One line per removed field that no consumer reads: the removal passes, and says so. */
  public List<String> notes() {
    return map.withVerdict(FieldVerdict.REMOVED_UNREAD).stream()
        .map(f -> "Handshake verify: note: field " + f.path() + " of " + f.subject() + " was removed (it is in "
            + f.removedFrom().orElse("the previous version") + ", not in the current schema) and no consumer "
            + "reads it: the removal is safe.")
        .toList();
  }

  /** The report with every finding about a field naming each consumer that reads that field. */
  public GateReport annotate(GateReport report) {
    List<GateReport.Check> checks = new ArrayList<>();
    for (GateReport.Check check : report.checks()) {
      checks.add(new GateReport.Check(check.consumer(), check.contractFile(), check.description(),
          check.findings().stream().map(this::annotate).toList(), check.time()));
    }
    return new GateReport(report.contracts(), report.skippedContracts(), checks);
  }

  private Finding annotate(Finding finding) {
    Optional<String> path = finding.path().usagePath();
    Optional<String> consumer = finding.facts().consumer();
    if (path.isEmpty() || consumer.isEmpty()) {
      return finding;
    }
    Optional<FieldUsage> field = fieldFor(path.get(), consumer.get(), finding.facts().readerSchema());
    if (field.isEmpty()) {
      return finding;
    }
    String readers = field.get().consumers().stream().map(ConsumerUse::describe).collect(Collectors.joining(", "));
    return finding.withReaders(field.get().path(), readers);
  }

  /** The field the finding's consumer reads at that path, in the subject its reader schema names if several. */
  private Optional<FieldUsage> fieldFor(String path, String consumer, Optional<String> readerSchema) {
    List<FieldUsage> candidates = map.fields().stream()
        .filter(f -> f.path().equals(path) && f.readers().contains(consumer)).toList();
    return candidates.stream().filter(f -> readerSchema.filter(f.subject()::equals).isPresent()).findFirst()
        .or(() -> candidates.stream().findFirst());
  }

  /** Writes usage.md and usage.json into {@code directory}; returns them in this order. */
  public List<Path> write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path markdown = directory.resolve(MARKDOWN);
    Path json = directory.resolve(JSON);
    Files.writeString(markdown, UsageMarkdownWriter.write(map), StandardCharsets.UTF_8);
    Files.writeString(json, UsageJsonWriter.write(map), StandardCharsets.UTF_8);
    return List.of(markdown, json);
  }
}
