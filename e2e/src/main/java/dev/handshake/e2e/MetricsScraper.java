package dev.handshake.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
  /** Per service (its URL): nanoseconds spent scraping it, and the slowest scrape. */
  private final Map<String, AtomicLong> nanosByService = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> slowestByService = new ConcurrentHashMap<>();
  private final Map<String, URI> services;

  private MetricsScraper(Map<String, URI> services, Duration every) {
    this.every = every;
    this.services = services;
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
  static MetricsScraper fromEnvironment(Map<String, URI> services) {
    String millis = System.getenv("SCRAPE_MS");
    return new MetricsScraper(services, millis == null || millis.isBlank() ? null
        : Duration.ofMillis(Long.parseLong(millis.strip())));
  }

  private void scrape(String name, URI service) {
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
      long took = System.nanoTime() - start;
      scrapes.incrementAndGet();
      nanosByService.computeIfAbsent(name, key -> new AtomicLong()).addAndGet(took);
      slowestByService.computeIfAbsent(name, key -> new AtomicLong()).accumulateAndGet(took, Math::max);
    }
  }

  /** For the drain's line: how often it scraped and how long a scrape took; empty when it did not. */
  String describe() {
    if (timer == null) {
      return " (no scraping)";
    }
    long count = scrapes.get();
    StringBuilder byService = new StringBuilder();
    long rounds = count / Math.max(1, services.size());
    for (String name : services.keySet()) {
      byService.append(String.format("; %s mean %.1f ms, slowest %.1f ms", name,
          rounds == 0 ? 0.0 : nanosByService.getOrDefault(name, new AtomicLong()).get() / 1e6 / rounds,
          slowestByService.getOrDefault(name, new AtomicLong()).get() / 1e6));
    }
    long nanos = nanosByService.values().stream().mapToLong(AtomicLong::get).sum();
    return String.format(" (scraping /metrics every %d ms: %d scrapes, mean %.1f ms%s, %d failed)", every.toMillis(),
        count, count == 0 ? 0.0 : nanos / 1e6 / count, byService, failures.get());
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
