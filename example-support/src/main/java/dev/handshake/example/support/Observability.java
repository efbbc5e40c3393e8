package dev.handshake.example.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A service's health and metrics, as operators of a Java service expect them (Spring Boot's actuator shapes):
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process answers HTTP at all;</li>
 *   <li>{@code GET /health/ready}: 200 when every {@link ReadinessCheck} holds, else 503 naming each that does not;
 *       each check has {@link #CHECK_TIMEOUT} to answer, so a probe never hangs on a dead database;</li>
 *   <li>{@code GET /metrics}: every meter of {@link #registry()} in Prometheus's text format, with the JVM's own.</li>
 * </ul>
 * None needs the admin token (docs/operations.md says why): they carry counts, durations and fixed reasons,
 * never a user, a token or an exception's text.
 */
public final class Observability implements AutoCloseable {
  public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private final ExecutorService checking = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "readiness-check");
    thread.setDaemon(true);
    return thread;
  });

  public Observability() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /** Where the service registers its meters; one per service. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Adds a condition of readiness, named {@code name} in the answer; checked in the order added. */
  public synchronized Observability readyWhen(String name, ReadinessCheck check) {
    checks.put(name, check);
    return this;
  }

  /**
   * Runs {@code refresh} before each {@code GET /metrics} answers: one database query per scrape for the meters
   * whose values live in the database, rather than one per meter or a timer polling when nobody scrapes.
   */
  public Observability beforeScrape(Runnable refresh) {
    beforeScrape.add(refresh);
    return this;
  }

  /** The service's {@code routes} with these three endpoints, for {@link JsonHttpServer#start}. */
  public Consumer<RoutesConfig> alongside(Consumer<RoutesConfig> routes) {
    return config -> {
      addTo(config);
      routes.accept(config);
    };
  }

  /** The three endpoints; call from the service's routes. */
  public void addTo(RoutesConfig routes) {
    routes.get("/health/live", ctx -> JsonHttpServer.respond(ctx, 200, Map.of("status", "UP")));
    routes.get("/health/ready", this::ready);
    routes.get("/metrics", ctx -> {
      for (Runnable refresh : beforeScrape) {
        try {
          refresh.run();
        } catch (RuntimeException e) {
          // The meters keep their last values; the rest of the scrape still answers.
          System.err.println("metrics: a refresh failed, its meters keep their last values: " + e);
        }
      }
      ctx.status(200).contentType(PROMETHEUS_TEXT).result(registry.scrape());
    });
  }

  private void ready(Context ctx) {
    ObjectNode body = JsonHttpServer.MAPPER.createObjectNode();
    ObjectNode results = JsonHttpServer.MAPPER.createObjectNode();
    boolean ready = true;
    for (Map.Entry<String, ReadinessCheck> check : snapshot().entrySet()) {
      String reason = reasonNotReady(check.getKey(), check.getValue());
      ObjectNode result = results.putObject(check.getKey()).put("status", reason == null ? "UP" : "DOWN");
      if (reason != null) {
        result.put("reason", reason);
        ready = false;
      }
    }
    body.put("status", ready ? "UP" : "DOWN").set("checks", results);
    JsonHttpServer.respond(ctx, ready ? 200 : 503, body);
  }

  private synchronized Map<String, ReadinessCheck> snapshot() {
    return new LinkedHashMap<>(checks);
  }

  /** Null when the check holds. A failure's text stays in the log: it may name hosts, users or SQL. */
  private String reasonNotReady(String name, ReadinessCheck check) {
    Future<java.util.Optional<String>> answer = checking.submit(check::notReadyBecause);
    try {
      return answer.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).orElse(null);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return name + " did not answer within " + CHECK_TIMEOUT.toSeconds() + " s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "the readiness check was interrupted";
    } catch (Exception e) {
      System.err.println("readiness: " + name + " failed: " + e.getCause());
      return name + " failed; the service's log says why";
    }
  }

  @Override
  public void close() {
    checking.shutdownNow();
    gc.close();
    registry.close();
  }
}
