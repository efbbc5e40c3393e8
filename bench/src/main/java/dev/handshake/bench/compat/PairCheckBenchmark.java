package dev.handshake.bench.compat;

import dev.handshake.core.compat.Direction;
import dev.handshake.core.compat.PairChecker;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.schema.SchemaLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.SchemaCompatibility;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's cost over Avro's raw reader/writer check on the same pair of 100-field records: a compatible pair
 * (the common case in CI) and a pair with 10 removed fields (findings with messages and source positions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PairCheckBenchmark {
  private static final int FIELDS = 100;

  @Param({"compatible", "incompatible"})
  public String pair;

  private SchemaVersion reader;
  private SchemaVersion writer;
  private final PairChecker engine = new PairChecker();

  @Setup
  public void parse() {
    SchemaLoader loader = new SchemaLoader();
    String writerText = SyntheticSchemas.version(FIELDS, 1);
    String readerText = "compatible".equals(pair) ? SyntheticSchemas.version(FIELDS, 2)
        : SyntheticSchemas.withoutFields(FIELDS, 10);
    // FORWARD: the old reader (all fields required) reads data from the new writer (fields removed).
    reader = new SchemaVersion("v1", loader.parse("v1.avsc", "compatible".equals(pair) ? readerText : writerText, List.of()));
    writer = new SchemaVersion("v2", loader.parse("v2.avsc", "compatible".equals(pair) ? writerText : readerText, List.of()));
  }

  @Benchmark
  public void avroRaw(Blackhole blackhole) {
    blackhole.consume(SchemaCompatibility.checkReaderWriterCompatibility(reader.file().schema(), writer.file().schema()));
  }

  @Benchmark
  public void handshakeEngine(Blackhole blackhole) {
    blackhole.consume(engine.check(reader, writer, Direction.FORWARD));
  }
}
