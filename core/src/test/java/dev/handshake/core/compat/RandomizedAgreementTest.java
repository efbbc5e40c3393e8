package dev.handshake.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.schema.SchemaLoader;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * The engine adds explanations, never verdicts: on many generated schema pairs its result for each level equals
 * Avro's raw reader/writer check in the matching direction, finding for incompatibility.
 */
class RandomizedAgreementTest {
  private static final int PAIRS = 2_000;
  private final SchemaLoader loader = new SchemaLoader();
  private final CompatibilityChecker checker = new CompatibilityChecker();

  @Test
  void verdictsEqualAvrosRawCheckerInTheMatchingDirection() {
    int incompatiblePairs = 0;
    for (long seed = 1; seed <= PAIRS; seed++) {
      RandomSchemas generator = new RandomSchemas(seed);
      var original = generator.record();
      var evolved = generator.evolve(original);
      SchemaVersion previous = new SchemaVersion("v1", loader.parse("seed-" + seed + "-v1", original.toString(), List.of()));
      SchemaVersion candidate = new SchemaVersion("v2", loader.parse("seed-" + seed + "-v2", evolved.toString(), List.of()));

      var backward = raw(candidate.file().schema(), previous.file().schema());
      var forward = raw(previous.file().schema(), candidate.file().schema());
      String context = "seed " + seed + ": " + original + " -> " + evolved;

      CompatibilityReport backwardReport = checker.check(CompatibilityLevel.BACKWARD, List.of(previous), candidate);
      assertThat(backwardReport.compatible()).as(context).isEqualTo(backward.getCompatibility() == SchemaCompatibilityType.COMPATIBLE);
      assertThat(backwardReport.findings()).as(context).hasSize(backward.getIncompatibilities().size());

      CompatibilityReport forwardReport = checker.check(CompatibilityLevel.FORWARD, List.of(previous), candidate);
      assertThat(forwardReport.compatible()).as(context).isEqualTo(forward.getCompatibility() == SchemaCompatibilityType.COMPATIBLE);
      assertThat(forwardReport.findings()).as(context).hasSize(forward.getIncompatibilities().size());

      CompatibilityReport fullReport = checker.check(CompatibilityLevel.FULL, List.of(previous), candidate);
      assertThat(fullReport.compatible()).as(context).isEqualTo(backwardReport.compatible() && forwardReport.compatible());
      if (!fullReport.compatible()) {
        incompatiblePairs++;
        fullReport.findings().forEach(finding -> assertThat(finding.location().line()).as(context).isPositive());
      }
    }
    // The generator must exercise both verdicts, or the agreement above proves little.
    assertThat(incompatiblePairs).isBetween(PAIRS / 10, PAIRS * 9 / 10);
  }

  private static SchemaCompatibility.SchemaCompatibilityResult raw(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
  }
}
