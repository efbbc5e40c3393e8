package dev.handshake.bench.compat;

import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.schema.SchemaLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FULL_TRANSITIVE over a long history of a 100-field record. {@code check} measures the comparison alone with every
 * version parsed beforehand; {@code parseAndCheck} includes parsing each version's text exactly once, as the CLI
 * and the registry check do. Both should grow linearly with the number of versions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransitiveHistoryBenchmark {
  private static final int FIELDS = 100;

  @Param({"250", "500", "1000"})
  public int versions;

  private List<String> texts;
  private List<SchemaVersion> history;
  private SchemaVersion candidate;
  private final CompatibilityChecker checker = new CompatibilityChecker();

  @Setup
  public void prepare() {
    texts = new ArrayList<>(versions + 1);
    for (int v = 1; v <= versions + 1; v++) {
      texts.add(SyntheticSchemas.version(FIELDS, v));
    }
    history = parse(texts.subList(0, versions));
    candidate = new SchemaVersion("candidate", new SchemaLoader().parse("candidate.avsc", texts.get(versions), List.of()));
  }

  @Benchmark
  public CompatibilityReport check() {
    return verified(checker.check(CompatibilityLevel.FULL_TRANSITIVE, history, candidate));
  }

  @Benchmark
  public CompatibilityReport parseAndCheck() {
    List<SchemaVersion> parsed = parse(texts.subList(0, versions));
    SchemaVersion parsedCandidate = new SchemaVersion("candidate",
        new SchemaLoader().parse("candidate.avsc", texts.get(versions), List.of()));
    return verified(checker.check(CompatibilityLevel.FULL_TRANSITIVE, parsed, parsedCandidate));
  }

  private static List<SchemaVersion> parse(List<String> texts) {
    SchemaLoader loader = new SchemaLoader();
    List<SchemaVersion> parsed = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      parsed.add(new SchemaVersion("v" + (i + 1), loader.parse("v" + (i + 1) + ".avsc", texts.get(i), List.of())));
    }
    return parsed;
  }

  private CompatibilityReport verified(CompatibilityReport report) {
    if (!report.compatible() || report.versionsCompared() != versions) {
      throw new IllegalStateException("benchmark history must be fully compatible: " + report.findings());
    }
    return report;
  }
}
