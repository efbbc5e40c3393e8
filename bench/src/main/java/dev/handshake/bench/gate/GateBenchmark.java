package dev.handshake.bench.gate;

import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.gate.GateReportFiles;
import dev.handshake.core.gate.ProducerGate;
import dev.handshake.core.gate.WriterSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What handshake:verify does after Maven has handed it the project, on a synthetic producer with 100 event
 * types and 5 consumers (500 interactions): load the writer schemas, read the 5 contracts from disk, for
 * every interaction build the event, encode, decode with the consumer's reader, match the rules, run the
 * static check, then write the three report files. {@code cold} is the first run in a fresh JVM (what a
 * Maven build pays: single shot, 5 forks, no warm-up); {@code warm} is the steady state.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GateBenchmark {
  @Param({"100"})
  public int events;

  @Param({"5"})
  public int consumers;

  private SyntheticGate gate;
  private List<ContractSource> sources;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    gate = SyntheticGate.create(Files.createTempDirectory("handshake-gate-bench"), events, consumers);
    try (Stream<Path> files = Files.list(gate.contracts)) {
      sources = files.sorted().map(p -> new ContractSource(p, "contracts/" + p.getFileName())).toList();
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> files = Files.walk(gate.root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public GateReport cold() throws IOException {
    return verify();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(1)
  public GateReport warm() throws IOException {
    return verify();
  }

  private GateReport verify() throws IOException {
    WriterSchemas writers = WriterSchemas.load(gate.schemas, gate.root);
    GateReport report = new ProducerGate().verify(sources, "user-service",
        d -> Optional.ofNullable(gate.factories.get(d)), writers);
    if (report.interactions() != events * consumers || !report.findings().isEmpty()) {
      throw new IllegalStateException("the synthetic gate should pass all " + events * consumers
          + " interactions: " + GateReportFiles.summary(report) + " " + report.findings().stream().limit(3).toList());
    }
    GateReportFiles.write(report, gate.root.resolve("target/handshake"));
    return report;
  }
}
