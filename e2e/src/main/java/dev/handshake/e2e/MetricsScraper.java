package dev.handshake.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Prometheus stand-in for the pipeline benchmark: with {@code SCRAPE_MS} set, it GETs every service's
 * {@code /metrics} at that interval while the drain runs, so the drain's throughput with and without scraping tells
 * what the metrics cost (their counters are read when scraped, the batch timer is always on). Without it, nothing.
 */
final class MetricsScraper implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService timer;
  private final Duration every;
  private final AtomicLong scrapes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong();

  private MetricsScraper(List<URI> services, Duration every) {
    this.every = every;
    if (every == null) {
      timer = null;
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "metrics-scraper");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> services.forEach(this::scrape), 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Scrapes {@code services} every {@code SCRAPE_MS} milliseconds when that variable is set. */
  static MetricsScraper fromEnvironment(List<URI> services) {
    String millis = System.getenv("SCRAPE_MS");
    return new MetricsScraper(services, millis == null || millis.isBlank() ? null
        : Duration.ofMillis(Long.parseLong(millis.strip())));
  }

  private void scrape(URI service) {
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(service.resolve("/metrics"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        failures.incrementAndGet();
      }
    } catch (Exception e) {
      failures.incrementAndGet();
    } finally {
      scrapes.incrementAndGet();
      nanos.addAndGet(System.nanoTime() - start);
    }
  }

  /** For the drain's line: how often it scraped and how long a scrape took; empty when it did not. */
  String describe() {
    if (timer == null) {
      return " (no scraping)";
    }
    long count = scrapes.get();
    return String.format(" (scraping /metrics every %d ms: %d scrapes, mean %.1f ms, %d failed)", every.toMillis(),
        count, count == 0 ? 0.0 : nanos.get() / 1e6 / count, failures.get());
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
