package dev.handshake.core.usage;

import dev.handshake.core.avro.TypeNames;
import dev.handshake.core.contract.ExpectedPaths;
import dev.handshake.core.schema.SchemaFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.JacksonUtils;

/**
 * Builds the {@link UsageMap}: walks every producer record field by field (nested records, union branches,
 * array items and map values too) beside each consumer's reader schema, pairing them as Avro's resolution
 * does: a reader record matches by full name or alias, a reader field by name or alias. A reader field the
 * writer lacks is listed under the record too (the consumer reads its default, or cannot decode without one).
 * With the producer's previous version of a record, fields it dropped are listed as removed.
 */
public final class UsageMapBuilder {

  private UsageMapBuilder() {
  }

  /**
   * @param writers  the producer's current schema files; every top-level record is a subject
   * @param readers  every consumer interaction with its reader schema
   * @param previous the producer's previous (latest registered) version of a subject, by subject, if known
   */
  public static UsageMap build(List<SchemaFile> writers, List<ConsumerReader> readers,
                               Map<String, SchemaFile> previous) {
    List<SchemaFile> records = writers.stream().filter(f -> f.schema().getType() == Schema.Type.RECORD)
        .sorted(Comparator.comparing(f -> f.schema().getFullName())).toList();
    List<FieldUsage> fields = new ArrayList<>();
    Set<ConsumerReader> matched = new HashSet<>();
    for (SchemaFile writer : records) {
      List<ReaderAt> at = new ArrayList<>();
      for (ConsumerReader reader : readers) {
        if (namesMatch(reader.reader(), writer.schema())) {
          matched.add(reader);
          at.add(new ReaderAt(reader, reader.reader(), List.of()));
        }
      }
      Walk walk = new Walk(writer.schema().getFullName(), writer.displayPath());
      walk.record(writer.schema(), "", "$", at, new HashSet<>());
      SchemaFile earlier = previous.get(writer.schema().getFullName());
      if (earlier != null && earlier.schema().getType() == Schema.Type.RECORD) {
        walk.removedSince(earlier);
      }
      fields.addAll(walk.fields());
    }
    Set<String> unmatched = new TreeSet<>();
    for (ConsumerReader reader : readers) {
      if (!matched.contains(reader)) {
        unmatched.add(reader.consumer() + " reads " + reader.reader().getFullName());
      }
    }
    List<String> consumers = readers.stream().map(ConsumerReader::consumer).distinct().sorted().toList();
    return new UsageMap(consumers, fields, List.copyOf(unmatched));
  }

  /** A consumer interaction at one place of the walk: its reader schema there and the path in its names. */
  private record ReaderAt(ConsumerReader reader, Schema schema, List<String> path) {
    ReaderAt then(Schema next, String step) {
      List<String> longer = new ArrayList<>(path);
      longer.add(step);
      return new ReaderAt(reader, next, longer);
    }
  }

  /** The fields of one subject as they are found, by path. */
  private static final class Walk {
    private final String subject;
    private final String file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Where each named type is defined: Avro requires a definition before any use by name. */
    private final Map<String, String> definitions = new HashMap<>();

    Walk(String subject, String file) {
      this.subject = subject;
      this.file = file;
    }

    void record(Schema writer, String pointer, String path, List<ReaderAt> readers, Set<String> onPath) {
      String defined = definitions.computeIfAbsent(writer.getFullName(), name -> pointer);
      if (!onPath.add(writer.getFullName())) {
        return; // a recursive type: its fields are listed once, at the outer occurrence
      }
      List<ReaderAt> records = readers.stream().map(r -> recordOf(r, writer)).filter(r -> r != null).toList();
      Set<Schema.Field> readFields = new HashSet<>();
      List<Schema.Field> fields = writer.getFields();
      for (int i = 0; i < fields.size(); i++) {
        Schema.Field field = fields.get(i);
        String fieldPointer = defined + "/fields/" + i;
        String fieldPath = path + "." + field.name();
        Entry entry = entries.computeIfAbsent(fieldPath,
            p -> new Entry(fieldPointer, TypeNames.describe(field.schema()), true));
        List<ReaderAt> next = new ArrayList<>();
        for (ReaderAt reader : records) {
          Schema.Field readerField = fieldOf(reader.schema(), field.name());
          if (readerField != null) {
            readFields.add(readerField);
            ReaderAt inside = reader.then(readerField.schema(), readerField.name());
            boolean asserts = ExpectedPaths.names(reader.reader().interaction(), inside.path());
            entry.use(reader.reader(), asserts ? FieldUse.ASSERTS : FieldUse.DECODES, readerField);
            next.add(inside);
          }
        }
        type(field.schema(), fieldPointer + "/type", fieldPath, next, onPath);
      }
      for (ReaderAt reader : records) {
        for (Schema.Field readerField : reader.schema().getFields()) {
          if (!readFields.contains(readerField)) {
            entries.computeIfAbsent(path + "." + readerField.name(), p -> new Entry(defined, "", false))
                .use(reader.reader(), readerField.hasDefaultValue() ? FieldUse.DEFAULT_ONLY
                    : FieldUse.MISSING, readerField);
          }
        }
      }
      onPath.remove(writer.getFullName());
    }

    private void type(Schema writer, String pointer, String path, List<ReaderAt> readers, Set<String> onPath) {
      switch (writer.getType()) {
        case RECORD -> record(writer, pointer, path, readers, onPath);
        case UNION -> {
          for (int i = 0; i < writer.getTypes().size(); i++) {
            type(writer.getTypes().get(i), pointer + "/" + i, path, readers, onPath);
          }
        }
        case ARRAY -> type(writer.getElementType(), pointer + "/items", path + ExpectedPaths.ANY_INDEX,
            inside(readers, Schema.Type.ARRAY, ExpectedPaths.ANY_INDEX), onPath);
        case MAP -> type(writer.getValueType(), pointer + "/values", path + "." + ExpectedPaths.ANY_KEY,
            inside(readers, Schema.Type.MAP, ExpectedPaths.ANY_KEY), onPath);
        default -> {
        }
      }
    }

    /** Fields of the previous version the current one no longer has: the removed fields. */
    void removedSince(SchemaFile earlier) {
      Walk old = new Walk(subject, earlier.displayPath());
      old.record(earlier.schema(), "", "$", List.of(), new HashSet<>());
      old.entries.forEach((path, oldEntry) -> {
        Entry current = entries.get(path);
        if (current == null) {
          Entry removed = new Entry(oldEntry.pointer, oldEntry.type, false);
          removed.removedFrom = earlier.displayPath();
          removed.file = earlier.displayPath();
          entries.put(path, removed);
        } else if (!current.written) {
          current.removedFrom = earlier.displayPath();
        }
      });
    }

    List<FieldUsage> fields() {
      List<FieldUsage> out = new ArrayList<>();
      entries.forEach((path, e) -> out.add(new FieldUsage(subject, e.file == null ? file : e.file, e.pointer, path,
          e.type, e.written, Optional.ofNullable(e.removedFrom), e.consumers())));
      return out;
    }
  }

  /** What is known of one field so far; each consumer's uses merged over its interactions. */
  private static final class Entry {
    final String pointer;
    final String type;
    final boolean written;
    String file;
    String removedFrom;
    final Map<String, Merged> byConsumer = new TreeMap<>();

    Entry(String pointer, String type, boolean written) {
      this.pointer = pointer;
      this.type = type;
      this.written = written;
    }

    void use(ConsumerReader reader, FieldUse use, Schema.Field readerField) {
      Optional<String> readerDefault = readerField.hasDefaultValue()
          ? Optional.of(JacksonUtils.toJsonNode(readerField.defaultVal()).toString()) : Optional.empty();
      Set<String> topics = new TreeSet<>();
      reader.interaction().topic().ifPresent(topics::add);
      byConsumer.merge(reader.consumer(), new Merged(use, readerDefault, topics), Merged::with);
    }

    List<ConsumerUse> consumers() {
      List<ConsumerUse> out = new ArrayList<>();
      byConsumer.forEach((consumer, merged) -> out.add(new ConsumerUse(consumer, merged.use, merged.readerDefault,
          List.copyOf(merged.topics))));
      return out;
    }
  }

  /**
   * A consumer's uses over its interactions: the strongest use wins (asserts over decodes, cannot decode over
   * reads a default), the default is kept only when every interaction's reader has one, and the topics add up.
   */
  private record Merged(FieldUse use, Optional<String> readerDefault, Set<String> topics) {
    Merged with(Merged other) {
      Set<String> both = new TreeSet<>(topics);
      both.addAll(other.topics);
      FieldUse strongest = use.ordinal() <= other.use.ordinal() ? use : other.use;
      if (use == FieldUse.MISSING || other.use == FieldUse.MISSING) {
        strongest = FieldUse.MISSING;
      }
      return new Merged(strongest, readerDefault.isPresent() && other.readerDefault.isPresent() ? readerDefault
          : Optional.empty(), both);
    }
  }

  private static List<ReaderAt> inside(List<ReaderAt> readers, Schema.Type container, String step) {
    List<ReaderAt> out = new ArrayList<>();
    for (ReaderAt reader : readers) {
      Schema found = branch(reader.schema(), container);
      if (found != null) {
        out.add(reader.then(container == Schema.Type.ARRAY ? found.getElementType() : found.getValueType(), step));
      }
    }
    return out;
  }

  /** The reader's record for a writer record at the same place: the record itself or its union branch. */
  private static ReaderAt recordOf(ReaderAt reader, Schema writer) {
    Schema schema = reader.schema();
    if (schema.getType() == Schema.Type.RECORD) {
      return namesMatch(schema, writer) ? reader : null;
    }
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() == Schema.Type.RECORD && namesMatch(branch, writer)) {
          return new ReaderAt(reader.reader(), branch, reader.path());
        }
      }
    }
    return null;
  }

  private static Schema branch(Schema schema, Schema.Type type) {
    if (schema.getType() == type) {
      return schema;
    }
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream().filter(b -> b.getType() == type).findFirst().orElse(null);
    }
    return null;
  }

  /** As Avro pairs named types: the same full name, or the reader's alias names the writer (or the reverse). */
  private static boolean namesMatch(Schema reader, Schema writer) {
    if (reader.getType() != Schema.Type.RECORD) {
      return false;
    }
    return reader.getFullName().equals(writer.getFullName()) || reader.getAliases().contains(writer.getFullName())
        || writer.getAliases().contains(reader.getFullName());
  }

  /** The reader field that reads the writer's field: same name, or an alias naming it. */
  private static Schema.Field fieldOf(Schema reader, String writerName) {
    Schema.Field field = reader.getField(writerName);
    if (field != null) {
      return field;
    }
    return reader.getFields().stream().filter(f -> f.aliases().contains(writerName)).findFirst().orElse(null);
  }
}
