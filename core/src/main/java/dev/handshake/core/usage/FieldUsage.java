package dev.handshake.core.usage;

import java.util.List;
import java.util.Optional;

/**
 * One field of a producer's record and every consumer that reads it.
 *
 * @param subject     the producer record's full name (Confluent's RecordNameStrategy subject)
 * @param file        the producer's schema file that defines it (a history file for a removed field)
 * @param pointer     the JSON pointer of the field in {@code file}; for a field only readers have, the pointer of
 *                    the record it would be in
 * @param path        the value's path from the record, as contracts name it: {@code $.address.city},
 *                    {@code $.roles[*].name}, {@code $.tags.*}
 * @param type        the writer's type, as Avro writes it; empty when the producer does not write the field
 * @param written     whether the producer's current schema has it
 * @param removedFrom the history file whose version last had it, when the current schema dropped it
 * @param consumers   each consumer that reads it, in consumer order
 * @param removalRefused when the subject's level and registered history refuse removing it: why, and what would
 *                    allow it
 */
public record FieldUsage(String subject, String file, String pointer, String path, String type, boolean written,
                         Optional<String> removedFrom, List<ConsumerUse> consumers, Optional<String> removalRefused) {

  public FieldUsage {
    consumers = List.copyOf(consumers);
  }

  /** A field whose removal the levels were not asked about. */
  public FieldUsage(String subject, String file, String pointer, String path, String type, boolean written,
                    Optional<String> removedFrom, List<ConsumerUse> consumers) {
    this(subject, file, pointer, path, type, written, removedFrom, consumers, Optional.empty());
  }

  /** The same field, with the levels' answer to removing it. */
  public FieldUsage withRemovalRefused(String why) {
    return new FieldUsage(subject, file, pointer, path, type, written, removedFrom, consumers, Optional.of(why));
  }

  /** The verdict's advice, with what would allow a removal the level forbids. */
  public String advice() {
    return verdict().advice() + removalRefused.map(why -> ": " + why).orElse("");
  }

  public FieldVerdict verdict() {
    if (!written) {
      return consumers.isEmpty() && removedFrom.isPresent() ? FieldVerdict.REMOVED_UNREAD : FieldVerdict.NOT_WRITTEN;
    }
    if (consumers.isEmpty()) {
      return removalRefused.isPresent() ? FieldVerdict.LEVEL_FORBIDS_REMOVAL : FieldVerdict.SAFE_TO_REMOVE;
    }
    boolean allDefaults = consumers.stream()
        .allMatch(c -> c.use() == FieldUse.DECODES && c.readerDefault().isPresent());
    return allDefaults ? FieldVerdict.READ_ONLY_WITH_DEFAULT : FieldVerdict.IN_USE;
  }

  /** The consumers whose reader schema has the field (with or without a default). */
  public List<String> readers() {
    return consumers.stream().map(ConsumerUse::consumer).toList();
  }
}
