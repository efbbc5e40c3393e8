package dev.handshake.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline benchmark (bench/pipeline.sh runs it on a stack from demo/stack.sh; see bench/README.md):
 * <ol>
 *   <li>throughput: with the relay paused, EVENTS user changes go into user-service's outbox through its API; then
 *       the relay is resumed and the time until auth-service applied them all gives events/s relay → broker →
 *       auth's database;</li>
 *   <li>latency: with the relay running, LATENCY_EVENTS more changes; each event's commit-to-applied time is
 *       auth's {@code applied_events.applied_at} minus the outbox row's {@code created_at} (one clock: one machine).</li>
 * </ol>
 * Both end with auth's applied count equal to the outbox's distinct events (nothing lost, nothing doubled).
 */
public final class PipelineBench {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Pattern NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(-?\\d+)");

  /** stack.env's ADMIN_TOKEN, for the admin endpoints the bench reads. */
  private static String adminToken;

  public static void main(String[] args) throws Exception {
    Map<String, String> env = ScriptStack.readEnv(Path.of(args[0]));
    adminToken = env.get("ADMIN_TOKEN");
    int events = Integer.parseInt(args[1]);
    int latencyEvents = Integer.parseInt(args[2]);
    int writers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    URI users = URI.create(env.get("USER_SERVICE_URL"));
    URI auth = URI.create(env.get("AUTH_SERVICE_URL"));

    long appliedBefore = number(get(auth.resolve("/admin/stats")), "applied");
    send("POST", users.resolve("/admin/relay/pause"), null);
    long writeStart = System.nanoTime();
    write(users, events, writers, "t");
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
    System.out.printf("wrote %d events into the outbox through the API in %.1f s (%.0f/s, %d writers, relay paused)%n",
        events, writeSeconds, events / writeSeconds, writers);
    String scrapeCost = System.getenv("SCRAPE_COST");
    if (scrapeCost != null && !scrapeCost.isBlank()) {
      ScrapeCost.measure(Path.of(args[0]).toAbsolutePath().getParent(), users, auth,
          Integer.parseInt(scrapeCost.strip()), PipelineBench::getUnchecked, events);
    }
    long target = appliedBefore + events;
    Path profiles = System.getenv("PROFILE_DIR") == null ? null : Path.of(System.getenv("PROFILE_DIR"));
    if (profiles != null) {
      jfr(env, "JFR.start", "name=pipeline", "settings=profile");
    }
    MetricsScraper scraper = MetricsScraper.fromEnvironment(Map.of("user-service", users, "auth-service", auth));
    long drainStart = System.nanoTime();
    send("POST", users.resolve("/admin/relay/resume"), null);
    long applied;
    while ((applied = number(get(auth.resolve("/admin/stats")), "applied")) < target) {
      Thread.sleep(20);
      if (System.nanoTime() - drainStart > Duration.ofMinutes(20).toNanos()) {
        throw new IllegalStateException("auth applied " + applied + " of " + target + " within 20 minutes");
      }
    }
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    scraper.close();
    if (profiles != null) {
      for (String part : new String[] {"INFRA", "USER_SERVICE", "AUTH_SERVICE"}) {
        jcmd(env.get(part + "_PID"), "JFR.stop", "name=pipeline",
            "filename=" + profiles.resolve(part.toLowerCase() + ".jfr").toAbsolutePath());
      }
    }
    System.out.printf("relay -> broker -> auth's database: %d events in %.2f s = %.0f events/s%s%n",
        events, drainSeconds, events / drainSeconds, scraper.describe());

    java.sql.Timestamp latencyFrom = new java.sql.Timestamp(System.currentTimeMillis());
    write(users, latencyEvents, writers, "l");
    long outbox = awaitDrained(users, auth);
    long[] latencies = latencies(env, latencyFrom);
    Arrays.sort(latencies);
    System.out.printf("commit-to-applied over %d events written at full speed with the relay running: p50 %.1f ms, "
        + "p99 %.1f ms, max %.1f ms%n", latencies.length, pct(latencies, 0.50), pct(latencies, 0.99),
        latencies[latencies.length - 1] / 1000.0);
    String stats = get(auth.resolve("/admin/stats"));
    long finalApplied = number(stats, "applied");
    System.out.printf("outbox events %d, auth applied %d, duplicates %d, dead-lettered %d: %s%n", outbox,
        finalApplied, number(stats, "duplicates"), number(stats, "deadLettered"),
        finalApplied == outbox ? "0 lost, 0 doubled" : "MISMATCH");
    if (finalApplied != outbox) {
      System.exit(1);
    }
  }

  /** JFR on the three processes during the drain only (the API writes before it are not the pipeline). */
  private static void jfr(Map<String, String> env, String... command) throws Exception {
    for (String part : new String[] {"INFRA", "USER_SERVICE", "AUTH_SERVICE"}) {
      jcmd(env.get(part + "_PID"), command);
    }
  }

  private static void jcmd(String pid, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + String.join(" ", command) + " failed");
    }
  }

  private static void write(URI users, int count, int writers, String prefix) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    AtomicInteger next = new AtomicInteger();
    String run = Long.toString(System.nanoTime(), 36);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        work.add(pool.submit(() -> {
          List<String> mine = new ArrayList<>();
          int i;
          while ((i = next.getAndIncrement()) < count) {
            // two in three events update one of this writer's users: creates alone would not touch existing rows
            if (mine.size() < 10 || i % 3 == 0) {
              String body = send("POST", users.resolve("/users"), "{\"email\":\"" + prefix + run + "-" + i
                  + "@example.com\",\"name\":\"n\"}");
              mine.add(body.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
            } else {
              send("PUT", users.resolve("/users/" + mine.get(i % mine.size())), "{\"name\":\"n" + i + "\"}");
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long awaitDrained(URI users, URI auth) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      String outbox = get(users.resolve("/admin/outbox"));
      long total = number(outbox, "pending") + number(outbox, "sent");
      if (number(outbox, "pending") == 0 && number(get(auth.resolve("/admin/stats")), "applied") >= total) {
        return total;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the pipeline did not drain within 10 minutes");
  }

  /** Microseconds from each outbox row's creation to auth's applying it, for rows created from {@code from}. */
  private static long[] latencies(Map<String, String> env, java.sql.Timestamp from) throws Exception {
    Map<String, Long> created = new HashMap<>();
    try (Connection users = DriverManager.getConnection(env.get("USER_DB_URL"));
        PreparedStatement select = users.prepareStatement(
            "select id::text, (extract(epoch from created_at) * 1000000)::bigint from outbox where created_at >= ?")) {
      select.setTimestamp(1, from);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          created.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    List<Long> latencies = new ArrayList<>();
    try (Connection auth = DriverManager.getConnection(env.get("AUTH_DB_URL"));
        PreparedStatement select = auth.prepareStatement(
            "select event_id::text, (extract(epoch from applied_at) * 1000000)::bigint from applied_events")) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Long start = created.get(rows.getString(1));
          if (start != null) {
            latencies.add(rows.getLong(2) - start);
          }
        }
      }
    }
    if (latencies.size() != created.size()) {
      throw new IllegalStateException(created.size() + " events written, " + latencies.size() + " applied");
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
  }

  private static String get(URI uri) throws Exception {
    return send("GET", uri, null);
  }

  private static String getUnchecked(URI uri) {
    try {
      return get(uri);
    } catch (Exception e) {
      throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
    }
  }

  private static String send(String method, URI uri, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (adminToken != null) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static long number(String json, String field) {
    Matcher matcher = Pattern.compile(String.format(NUMBER.pattern(), field)).matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("no \"" + field + "\" in " + json);
    }
    return Long.parseLong(matcher.group(1));
  }
}
