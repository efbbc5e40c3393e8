package dev.handshake.example.users;

import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.Observability;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumer watch as {@code GET /admin/consumers} (behind the admin token, as every /admin path) and as meters, so
 * an alert rule can fire on them (docs/operations.md): lag, oldest unconsumed age and the behind flag per group and
 * topic, the missing flag per contract consumer, and whether the watch could ask the broker. The endpoint asks the
 * broker on every call; a scrape asks only when the last answer is older than {@code CONSUMER_WATCH_REFRESH_SECONDS},
 * because one watch is several broker round trips and a record fetch per lagging partition, and a scraper asking
 * every second would otherwise make the pipeline pay for that every second (bench/README.md, what the metrics cost).
 */
final class ConsumerWatchEndpoints {
  private final Optional<ConsumerWatch> watch;
  private final MultiGauge lag;
  private final MultiGauge age;
  private final MultiGauge behind;
  private final MultiGauge missing;
  private final AtomicInteger up = new AtomicInteger();
  private final Counter refreshes;
  /** When the watch last asked the broker (answered or not), and when it last got an answer; nanoTime, null before. */
  private volatile Long lastAsked;
  private volatile Long lastAnswered;

  private ConsumerWatchEndpoints(Optional<ConsumerWatch> watch, MeterRegistry registry) {
    this.watch = watch;
    this.lag = MultiGauge.builder("user.consumer.lag").baseUnit("events")
        .description("Events of the topic the consumer group has not consumed (end offsets minus committed offsets)")
        .register(registry);
    this.age = MultiGauge.builder("user.consumer.oldest.unconsumed.age").baseUnit("seconds")
        .description("Age of the oldest event the group has not consumed; 0 when it consumed everything")
        .register(registry);
    this.behind = MultiGauge.builder("user.consumer.behind")
        .description("1 when the group is behind more than CONSUMER_LAG_ALERT_EVENTS or CONSUMER_LAG_ALERT_SECONDS")
        .register(registry);
    this.missing = MultiGauge.builder("user.consumer.missing")
        .description("1 when a consumer with a contract on the topic has no consumer group reading it, else 0")
        .register(registry);
    Gauge.builder("user.consumer.watch.up", up, AtomicInteger::get)
        .description("1 when the last consumer watch got its answers from the broker").register(registry);
    this.refreshes = Counter.builder("user.consumer.watch.refreshes")
        .description("Times the consumer watch asked the broker (each GET /admin/consumers, and a scrape finding the "
            + "last answer older than CONSUMER_WATCH_REFRESH_SECONDS)").register(registry);
    Gauge.builder("user.consumer.watch.age", this, ConsumerWatchEndpoints::ageSeconds).baseUnit("seconds")
        .description("Age of the answer the user_consumer_* meters show; NaN before the first").register(registry);
  }

  static ConsumerWatchEndpoints wire(Observability observability, Optional<ConsumerWatch> watch) {
    ConsumerWatchEndpoints endpoints = new ConsumerWatchEndpoints(watch, observability.registry());
    watch.ifPresent(configured -> observability.beforeScrape(() -> endpoints.refreshWhenOlder(configured)));
    return endpoints;
  }

  /** A scrape: asks the broker only when the last question is older than the watch's refresh interval. */
  private void refreshWhenOlder(ConsumerWatch configured) {
    Long asked = lastAsked;
    if (asked == null || System.nanoTime() - asked >= configured.scrapeRefresh().toNanos()) {
      refresh(configured);
    }
  }

  private double ageSeconds() {
    Long answered = lastAnswered;
    return answered == null ? Double.NaN : (System.nanoTime() - answered) / 1e9;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/admin/consumers", ctx -> {
      ConsumerWatch configured = watch.orElseThrow(() -> new ApiException(409, "KAFKA_BOOTSTRAP_SERVERS",
          "the consumer watch needs the broker: start user-service with KAFKA_BOOTSTRAP_SERVERS set"));
      try {
        JsonHttpServer.respond(ctx, 200, refresh(configured));
      } catch (ConsumerWatch.UnavailableException e) {
        JsonHttpServer.respond(ctx, 503, Map.of("error", e.getMessage()));
      }
    });
  }

  private ConsumerReport refresh(ConsumerWatch configured) {
    ConsumerReport report;
    // A broker that does not answer is asked again after the interval too, not by every scrape for 5 s each.
    lastAsked = System.nanoTime();
    refreshes.increment();
    try {
      report = configured.report();
    } catch (ConsumerWatch.UnavailableException e) {
      up.set(0);
      throw e;
    }
    lastAnswered = System.nanoTime();
    up.set(1);
    lag.register(report.groups().stream().map(g -> MultiGauge.Row.of(tags(g), g.lag())).toList(), true);
    age.register(report.groups().stream().map(g -> MultiGauge.Row.of(tags(g),
        g.oldestUnconsumedAgeSeconds() == null ? (g.lag() == 0 ? 0 : Double.NaN) : g.oldestUnconsumedAgeSeconds()))
        .toList(), true);
    behind.register(report.groups().stream().map(g -> MultiGauge.Row.of(tags(g), g.behind() ? 1 : 0)).toList(),
        true);
    missing.register(configured.consumers().stream().map(c -> MultiGauge.Row.of(
        Tags.of("consumer", c.consumer(), "group", c.group(), "topic", c.topic()),
        report.missing().stream().anyMatch(m -> m.consumer().equals(c.consumer()) && m.topic().equals(c.topic()))
            ? 1 : 0)).toList(), true);
    return report;
  }

  private static Tags tags(ConsumerReport.GroupOnTopic group) {
    return Tags.of("group", group.group(), "topic", group.topic());
  }
}
