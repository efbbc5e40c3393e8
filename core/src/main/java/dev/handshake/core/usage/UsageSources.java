package dev.handshake.core.usage;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.ReaderSchemas;
import dev.handshake.core.history.SubjectFileNames;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.InvalidSchemaException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import dev.handshake.core.files.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what the usage map needs: each contract interaction's reader schema, and the producer's previous
 * version of each subject. A contract or reader schema that cannot be read is left out, and the map covers what
 * can be read: the gate reports an unreadable contract (CONTRACT_INVALID); a reader schema is read as the gate
 * reads it, and one that cannot be used is the gate's finding (READER_SCHEMA_INVALID) here too.
 */
public final class UsageSources {
  private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

  private UsageSources() {
  }

  /** The interactions' reader schemas the map can use, and the findings about those it cannot (or warns of). */
  public record Readers(List<ConsumerReader> readers, List<Finding> findings) {
    public Readers {
      readers = List.copyOf(readers);
      findings = List.copyOf(findings);
    }
  }

  /** Each interaction's reader schema, read as the gate reads it ({@link ReaderSchemas}). */
  public static Readers readers(List<MessageContract> contracts) {
    ReaderSchemas readerSchemas = new ReaderSchemas();
    List<ConsumerReader> readers = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (MessageContract contract : contracts) {
      for (MessageInteraction interaction : contract.interactions()) {
        ReaderSchemas.Reading reading = readerSchemas.of(contract, interaction);
        for (Violation violation : reading.violations()) {
          findings.add(Finding.of(violation, contract.locate(violation.pointer()), "",
              Facts.NONE.consumer(contract.consumer())));
        }
        reading.file().ifPresent(reader -> readers.add(
            new ConsumerReader(contract.consumer(), contract.displayPath(), interaction, reader.schema())));
      }
    }
    return new Readers(readers, findings);
  }

  /**
   * The latest registered version of each subject, from a {@code history/<subject>/vN.avsc} folder (the offline
   * registry's layout, {@code schemas/README.md}) in the schemas directory or beside it. A version that does
   * not parse alone is left out: without it the map only lacks the removed fields.
   *
   * @param displayBase findings and reports name history files relative to it
   */
  public static Map<String, SchemaFile> previousVersions(Path schemasDirectory, List<String> subjects,
                                                         Path displayBase) {
    Map<String, SchemaFile> previous = new HashMap<>();
    if (schemasDirectory == null) {
      return previous;
    }
    List<Path> histories = new ArrayList<>();
    histories.add(schemasDirectory.resolve("history"));
    if (schemasDirectory.toAbsolutePath().normalize().getParent() != null) {
      histories.add(schemasDirectory.toAbsolutePath().normalize().getParent().resolve("history"));
    }
    SchemaLoader loader = new SchemaLoader();
    for (String subject : subjects) {
      for (Path history : histories) {
        Optional<Path> latest = latest(history.resolve(SubjectFileNames.encode(subject)));
        if (latest.isPresent()) {
          try {
            String text = Files.readString(latest.get());
            previous.put(subject, loader.parse(displayBase == null ? latest.get().toString()
                : ProjectPaths.display(latest.get(), displayBase), text, List.of()));
          } catch (InvalidSchemaException e) {
            // a version using types from other files: no removed fields for this subject
          } catch (IOException e) {
            throw new HandshakeIOException("cannot read " + latest.get(), e);
          }
          break;
        }
      }
    }
    return previous;
  }

  private static Optional<Path> latest(Path subjectDirectory) {
    if (!Files.isDirectory(subjectDirectory)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(subjectDirectory)) {
      Path best = null;
      int bestVersion = 0;
      for (Path file : files.toList()) {
        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
        if (m.matches() && Integer.parseInt(m.group(1)) > bestVersion) {
          bestVersion = Integer.parseInt(m.group(1));
          best = file;
        }
      }
      return Optional.ofNullable(best);
    } catch (IOException e) {
      throw new HandshakeIOException("cannot list " + subjectDirectory, e);
    }
  }
}
