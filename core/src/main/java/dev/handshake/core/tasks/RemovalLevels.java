package dev.handshake.core.tasks;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.history.LocalSchemaRegistry;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.contract.ReadContracts;
import dev.handshake.core.gate.WriterSchemas;
import dev.handshake.core.usage.FieldUsage;
import dev.handshake.core.usage.FieldUsageReport;
import dev.handshake.core.usage.FieldVerdict;
import dev.handshake.core.usage.UsageMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Asks the subject's level whether a field no consumer reads may really go: the record without it is checked
 * against the registered history ({@code history/} with {@code compatibility.properties}, in the schemas directory
 * or beside it) as {@code handshake check --schemas-dir} would. Only a record's own fields are asked about
 * (a nested field's removal is a change of a named type other records may share); without a history the map says
 * only what the consumers read.
 */
final class RemovalLevels {
  private final SubjectCheck check;

  private RemovalLevels(SubjectCheck check) {
    this.check = check;
  }

  /** The field-usage map of {@code usage} and {@code verify}, its "safe to remove" asked of the levels. */
  static FieldUsageReport fieldUsage(ReadContracts contracts, WriterSchemas writers, Path schemasDirectory,
                                     Path displayBase) {
    FieldUsageReport usage = FieldUsageReport.of(contracts, writers, schemasDirectory, displayBase);
    return of(schemasDirectory).map(levels -> usage.withMap(levels.apply(usage.map(), writers.files())))
        .orElse(usage);
  }

  static Optional<RemovalLevels> of(Path schemasDirectory) {
    if (schemasDirectory == null) {
      return Optional.empty();
    }
    Path directory = schemasDirectory.toAbsolutePath().normalize();
    for (Path candidate : new Path[] {directory, directory.getParent()}) {
      if (candidate != null && Files.isDirectory(candidate.resolve("history"))) {
        return Optional.of(new RemovalLevels(new SubjectCheck(new LocalSchemaRegistry(candidate))));
      }
    }
    return Optional.empty();
  }

  /** The map with each safe-looking removal the level refuses marked so, saying what would allow it. */
  UsageMap apply(UsageMap map, List<SchemaFile> current) {
    Map<String, SchemaFile> bySubject = current.stream()
        .collect(Collectors.toMap(f -> f.schema().getFullName(), Function.identity(), (a, b) -> a));
    List<FieldUsage> fields = new ArrayList<>();
    for (FieldUsage field : map.fields()) {
      SchemaFile file = bySubject.get(field.subject());
      fields.add(field.verdict() == FieldVerdict.SAFE_TO_REMOVE && file != null && isOwnField(field.path())
          ? refusal(field, file).map(field::withRemovalRefused).orElse(field) : field);
    }
    return new UsageMap(map.consumers(), fields, map.unmatched());
  }

  private static boolean isOwnField(String path) {
    return path.matches("\\$\\.[A-Za-z_][A-Za-z0-9_]*");
  }

  private Optional<String> refusal(FieldUsage field, SchemaFile file) {
    String name = field.path().substring(2);
    Schema without = without(file.schema(), name);
    SubjectCheckResult result;
    try {
      result = check.check(field.subject(), new SchemaFile(file.displayPath() + " without " + name,
          without.toString(true), without, List.of()), null);
    } catch (HandshakeException e) {
      return Optional.empty(); // a history the offline check cannot read: check reports it; the map stays as read
    }
    if (result.compatible() || result.newSubject()) {
      return Optional.empty();
    }
    String rules = result.report().findings().stream().map(f -> f.rule().name()).distinct()
        .collect(Collectors.joining(", "));
    return Optional.of("removing it fails " + result.level() + " against the registered history (" + rules
        + "); " + whatAllows(result.level(), name));
  }

  private static String whatAllows(CompatibilityLevel level, String name) {
    String lower = "or change the subject's level to BACKWARD (handshake set-compatibility, and "
        + "compatibility.properties for offline checks)";
    if (level.name().endsWith("_TRANSITIVE")) {
      return "every registered version is compared and the ones without a default for " + name + " refuse it, so "
          + "it can go only after the level is made non-transitive and a version giving " + name + " a default is "
          + "registered first, " + lower;
    }
    return "register a version that gives " + name + " a default first, then remove it in the next, " + lower;
  }

  /** The record as it would be without the field: same name, so it is checked against the same subject. */
  private static Schema without(Schema record, String field) {
    List<Schema.Field> fields = record.getFields().stream().filter(f -> !f.name().equals(field))
        .map(f -> new Schema.Field(f, f.schema())).toList();
    Schema copy = Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), record.isError(),
        fields);
    record.getAliases().forEach(copy::addAlias);
    return copy;
  }
}
