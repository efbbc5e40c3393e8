package dev.handshake.core.gate;

import dev.handshake.core.compat.Direction;
import dev.handshake.core.compat.PairChecker;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.contract.ReaderSchemas;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaPointerWalk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The static step beside the event: the producer's writer schema against the consumer's reader schema
 * (FORWARD: the writer is newer), which catches what a sample event does not exercise (a field made nullable,
 * an enum symbol added). Each consumer/reader/writer triple is checked and reported once; its violations are
 * kept so that a decode failure can name the field.
 */
final class ConsumerSchemaCheck {
  private final PairChecker pairChecker = new PairChecker();
  private final ReaderSchemas readers;
  private final Map<String, List<Violation>> checked = new HashMap<>();

  ConsumerSchemaCheck(ReaderSchemas readers) {
    this.readers = readers;
  }

  /** The violations of the pair; reported (located in the producer's own file) the first time only. */
  List<Violation> check(SchemaFile readerFile, SchemaFile writerFile, InteractionFindings findings) {
    String key = findings.consumer() + "\n" + readers.fingerprintOf(readerFile.schema()) + "\n"
        + readers.fingerprintOf(writerFile.schema());
    List<Violation> known = checked.get(key);
    if (known != null) {
      return known;
    }
    List<Violation> violations = pairChecker.violations(
        new SchemaVersion("consumer \"" + findings.consumer() + "\"", readerFile),
        new SchemaVersion("the producer's schema", writerFile), Direction.FORWARD);
    checked.put(key, violations);
    for (Violation violation : violations) {
      // Avro's pointer is into the reader schema; the producer changed its own file, so point there.
      String writerPointer = SchemaPointerWalk.translate(readerFile.schema(), writerFile.schema(), violation.pointer());
      findings.add(violation, writerFile.locate(writerPointer),
          Facts.NONE.readerSchema(readerFile.schema().getFullName()).writerSchema(writerFile.displayPath()));
    }
    return violations;
  }
}
