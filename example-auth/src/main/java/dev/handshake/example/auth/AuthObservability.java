package dev.handshake.example.auth;

import dev.handshake.example.auth.consume.ConsumerLag;
import dev.handshake.example.auth.consume.EventSource;
import dev.handshake.example.auth.store.Counters;
import dev.handshake.example.support.Observability;
import dev.handshake.example.support.ReadinessCheck;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * auth-service's health and meters (docs/operations.md lists each): ready when its database answers and its event
 * source reads; the counters of {@code GET /admin/stats} (kept in the database, in the transaction of the work they
 * count, so they are exposed, not counted a second time), the lag per partition, the transient failures. The batch
 * timer is registered by the consumer itself ({@code BatchTimer}).
 */
final class AuthObservability {
  /** The database's counter names and the {@code outcome} label each becomes. */
  private static final Map<String, String> OUTCOMES = Map.of("applied", "applied", "duplicates", "duplicate",
      "stale", "stale", "deadLettered", "dead_lettered");

  private AuthObservability() {
  }

  static Observability wire(Observability observability, DataSource dataSource, EventSource events, String topic) {
    observability.readyWhen("database", ReadinessCheck.database(dataSource))
        .readyWhen("events", events::notReadyBecause);
    MeterRegistry registry = observability.registry();
    Map<String, Long> counters = new ConcurrentHashMap<>();
    OUTCOMES.forEach((counter, outcome) -> FunctionCounter.builder("auth.events", counters,
            values -> values.getOrDefault(counter, 0L))
        .description("Events auth-service handled, by outcome (all instances: the counters are in the shared database)")
        .tag("outcome", outcome).register(registry));
    FunctionCounter.builder("auth.consumer.transient.failures", events, EventSource::transientFailures)
        .description("Reads or batches of this instance that failed transiently and were retried")
        .register(registry);
    MultiGauge lag = MultiGauge.builder("auth.consumer.lag").baseUnit("events")
        .description("Events of each partition assigned to this instance that it has not applied yet")
        .register(registry);
    Gauge.builder("auth.consumer.lag.known", events, source -> source.consumerLag().events().isPresent() ? 1 : 0)
        .description("1 when this instance knows its lag; 0 while it has no partitions or has fetched nothing yet")
        .register(registry);
    observability.beforeScrape(() -> {
      readCounters(dataSource, counters);
      ConsumerLag current = events.consumerLag();
      lag.register(current.byPartition().entrySet().stream()
          .map(partition -> MultiGauge.Row.of(Tags.of("topic", topic, "partition", partition.getKey().toString()),
              partition.getValue()))
          .toList(), true);
    });
    return observability;
  }

  /** On failure the counters keep their last values: a counter must never go down, and readiness says why. */
  private static void readCounters(DataSource dataSource, Map<String, Long> counters) {
    try (Connection connection = dataSource.getConnection()) {
      counters.putAll(Counters.read(connection));
    } catch (SQLException e) {
      System.err.println("auth-service: metrics could not read the counters: " + e.getMessage());
    }
  }
}
