package dev.handshake.example.auth.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code auth_consumer_batch_seconds}: how long each poll batch's transaction took (decode, apply, dead letters,
 * offsets, commit), as a histogram, tagged {@code outcome} committed or rolled_back (a transient failure: the batch
 * is retried). What the pipeline's throughput is made of, and what its p99 comes from.
 */
public final class BatchTimer {
  public static final String NAME = "auth.consumer.batch";
  private final Timer committed;
  private final Timer rolledBack;

  public BatchTimer(MeterRegistry registry) {
    this.committed = timer(registry, "committed");
    this.rolledBack = timer(registry, "rolled_back");
  }

  private static Timer timer(MeterRegistry registry, String outcome) {
    return Timer.builder(NAME).description("Time of one poll batch's database transaction")
        .tag("outcome", outcome).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  void committed(long startNanos) {
    committed.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void rolledBack(long startNanos) {
    rolledBack.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
