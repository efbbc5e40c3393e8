package dev.handshake.bench.gate;

import com.sun.management.OperatingSystemMXBean;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.gate.GateReport;
import dev.handshake.core.gate.GateReportFiles;
import dev.handshake.core.gate.ProducerGate;
import dev.handshake.core.gate.WriterSchemas;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The gate's cost in fresh JVMs, as a Maven build pays it, with wall time and the process's CPU time side by
 * side: on a shared machine wall time measures the neighbours too, CPU time measures the gate.
 * Usage: {@code java -cp bench/target/benchmarks.jar dev.handshake.bench.gate.GateRun [events] [consumers] [jvms]}
 * (defaults 100 5 5). Each child JVM generates the synthetic producer, then times one verify + report.
 */
public final class GateRun {
  private GateRun() {
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int consumers = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int jvms = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    if (args.length > 3 && args[3].equals("--child")) {
      child(events, consumers);
      return;
    }
    System.out.println("handshake:verify core work on " + events + " event types x " + consumers
        + " consumers (" + events * consumers + " interactions), one fresh JVM per run:");
    List<long[]> runs = new ArrayList<>();
    for (int i = 0; i < jvms; i++) {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), GateRun.class.getName(),
          Integer.toString(events), Integer.toString(consumers), "1", "--child")
          .redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).strip();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("run " + (i + 1) + " failed: " + out);
      }
      String[] parts = out.split(" ");
      long wall = Long.parseLong(parts[0]);
      long cpu = Long.parseLong(parts[1]);
      runs.add(new long[] {wall, cpu});
      System.out.printf("  run %d: wall %5d ms, process CPU %5d ms%n", i + 1, wall, cpu);
    }
    System.out.printf("  median: wall %d ms, process CPU %d ms (goal: wall <= 5000 ms)%n",
        median(runs, 0), median(runs, 1));
  }

  private static long median(List<long[]> runs, int index) {
    List<Long> values = runs.stream().map(r -> r[index]).sorted().toList();
    return values.get(values.size() / 2);
  }

  private static void child(int events, int consumers) throws IOException {
    SyntheticGate gate = SyntheticGate.create(Files.createTempDirectory("handshake-gate-run"), events, consumers);
    try {
      List<ContractSource> sources;
      try (Stream<Path> files = Files.list(gate.contracts)) {
        sources = files.sorted().map(p -> new ContractSource(p, "contracts/" + p.getFileName())).toList();
      }
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      long start = System.nanoTime();
      WriterSchemas writers = WriterSchemas.load(gate.schemas, gate.root);
      GateReport report = new ProducerGate().verify(sources, "user-service",
          d -> Optional.ofNullable(gate.factories.get(d)), writers);
      GateReportFiles.write(report, gate.root.resolve("target/handshake"));
      long wall = (System.nanoTime() - start) / 1_000_000;
      long cpu = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
      if (report.interactions() != events * consumers || report.hasErrors()) {
        throw new IllegalStateException(GateReportFiles.summary(report));
      }
      System.out.println(wall + " " + cpu);
    } finally {
      try (Stream<Path> files = Files.walk(gate.root)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
