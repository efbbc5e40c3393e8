package dev.handshake.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a scrape costs in CPU, measured instead of inferred from drains whose run-to-run spread (tens of percent on
 * the 2-core machine) hides a few percent: with the outbox's backlog in place, {@code SCRAPE_COST} scrapes of each
 * service back to back, then as many {@code GET /admin/consumers} (each one a full consumer watch), the CPU seconds
 * every part of the stack spent over each, from {@code /proc} (as bench/pipeline.sh counts a drain's). A scraper
 * at interval T then takes (scrape + the watch refreshes it triggers) / T of the machine's cores, which on a
 * CPU-bound pipeline is the share of throughput it costs.
 */
final class ScrapeCost {
  /** user-service's default CONSUMER_WATCH_REFRESH_SECONDS: a scrape refreshes the watch at most this often. */
  private static final double WATCH_REFRESH_SECONDS = 10;

  private ScrapeCost() {
  }

  /** Runs the measurement and prints its lines; {@code get} is the bench's admin GET. */
  static void measure(Path dataDir, URI users, URI auth, int scrapes, Function<URI, String> get,
      long backlog) throws IOException {
    Map<String, Double> start = cpuByPart(dataDir);
    for (int i = 0; i < scrapes; i++) {
      get.apply(users.resolve("/metrics"));
      get.apply(auth.resolve("/metrics"));
    }
    Map<String, Double> scraped = cpuByPart(dataDir);
    for (int i = 0; i < scrapes; i++) {
      get.apply(users.resolve("/admin/consumers"));
    }
    Map<String, Double> watched = cpuByPart(dataDir);
    double scrapeMs = perCall(start, scraped, scrapes, "scrape of both services", backlog);
    double watchMs = perCall(scraped, watched, scrapes, "consumer watch (GET /admin/consumers)", backlog);
    int cores = Runtime.getRuntime().availableProcessors();
    for (double interval : new double[] {1, 15}) {
      double refreshes = Math.min(1, interval / WATCH_REFRESH_SECONDS);
      double msPerSecond = (scrapeMs + refreshes * watchMs) / interval;
      System.out.printf("scrape cost: scraping both services every %.0f s (the watch refreshed by %.0f%% of the "
          + "scrapes) takes %.1f ms of CPU per second = %.2f%% of %d cores%n", interval, refreshes * 100,
          msPerSecond, msPerSecond / 10 / cores, cores);
    }
  }

  private static double perCall(Map<String, Double> before, Map<String, Double> after, int calls, String what,
      long backlog) {
    StringBuilder parts = new StringBuilder();
    double total = 0;
    for (Map.Entry<String, Double> part : after.entrySet()) {
      double ms = (part.getValue() - before.getOrDefault(part.getKey(), 0.0)) * 1000 / calls;
      total += ms;
      parts.append(String.format(", %s %.2f", part.getKey(), ms));
    }
    System.out.printf("scrape cost: %d x %s with %d unsent events in the outbox: %.2f ms of CPU each (ms by part%s)%n",
        calls, what, backlog, total, parts);
    return total;
  }

  /**
   * CPU seconds (user + system) per part of the stack under {@code dataDir}: the two services' and the
   * infrastructure's JVMs by their command line, PostgreSQL's processes by their data directory. The bench client
   * itself (the scraper here) is left out, as Prometheus runs elsewhere.
   */
  static Map<String, Double> cpuByPart(Path dataDir) throws IOException {
    Map<String, Double> cpu = new TreeMap<>();
    double ticks = 100; // USER_HZ on Linux
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String part = part(process, dataDir);
          if (part == null) {
            continue;
          }
          String stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
          // after the command in parentheses: state is field 3, utime 14, stime 15
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticks;
          cpu.merge(part, seconds, Double::sum);
        } catch (IOException | RuntimeException gone) {
          // the process ended between the listing and the read: it spent nothing more
        }
      }
    }
    return cpu;
  }

  private static String part(Path process, Path dataDir) throws IOException {
    String command = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
    if (command.contains("user-service.jar")) {
      return "user-service";
    }
    if (command.contains("auth-service.jar")) {
      return "auth-service";
    }
    if (command.contains("StackInfra")) {
      return "broker+registry";
    }
    if (!command.contains("postgres")) {
      return null;
    }
    Path cwd = Files.readSymbolicLink(process.resolve("cwd"));
    if (cwd.startsWith(dataDir.resolve("user-db"))) {
      return "user-db";
    }
    return cwd.startsWith(dataDir.resolve("auth-db")) ? "auth-db" : null;
  }
}
