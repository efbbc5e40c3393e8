package dev.handshake.core.usage;

import java.util.List;
import java.util.Optional;

/**
 * The field-usage map: every field of every producer record with the consumers that read it, and the reader
 * schemas the producer has no record for.
 *
 * @param consumers      every consumer whose contract was read, sorted
 * @param fields         by subject (sorted), then in schema order, fields only readers have after the record's own
 * @param unmatched      reader records no producer schema defines: {@code consumer reads full.Name}
 */
public record UsageMap(List<String> consumers, List<FieldUsage> fields, List<String> unmatched) {

  public UsageMap {
    consumers = List.copyOf(consumers);
    fields = List.copyOf(fields);
    unmatched = List.copyOf(unmatched);
  }

  public Optional<FieldUsage> field(String subject, String path) {
    return fields.stream().filter(f -> f.subject().equals(subject) && f.path().equals(path)).findFirst();
  }

  public List<FieldUsage> withVerdict(FieldVerdict verdict) {
    return fields.stream().filter(f -> f.verdict() == verdict).toList();
  }

  public List<String> subjects() {
    return fields.stream().map(FieldUsage::subject).distinct().toList();
  }
}
