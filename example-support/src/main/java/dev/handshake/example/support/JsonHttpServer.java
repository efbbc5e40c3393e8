package dev.handshake.example.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.io.PrintStream;
import java.net.URI;
import java.util.function.Consumer;

/**
 * An example service's HTTP server: Javalin on {@code HTTP_HOST} (default 127.0.0.1) and {@code HTTP_PORT}
 * (0 picks a free port). Every error is JSON, {@code {"error":"...","field":"..."}}: a wrong method is a 405 with
 * {@code Allow}, and an unexpected failure a 500 carrying only a short id that the log has with the details (see
 * {@link InternalFailure}); when it is ready it prints {@code listening on http://HOST:PORT}, the line scripts and
 * tests wait for.
 */
public final class JsonHttpServer implements AutoCloseable {
  /** Jackson for request and response bodies; Javalin's own JSON mapper is not used. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** Bodies over 1 MiB are refused (413) before a handler reads them. */
  public static final long MAX_REQUEST_BYTES = 1 << 20;

  private final Javalin app;
  private final URI url;

  private JsonHttpServer(Javalin app, URI url) {
    this.app = app;
    this.url = url;
  }

  /** Starts the server with the routes {@code routes} adds, and prints the listening line to {@code out}. */
  public static JsonHttpServer start(Settings settings, int defaultPort, Consumer<RoutesConfig> routes,
      PrintStream out) {
    String host = settings.host("HTTP_HOST", "127.0.0.1");
    int port = settings.port("HTTP_PORT", defaultPort);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.http.prefer405over404 = true;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.field()));
      config.routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
        ctx.header("Allow", e.getDetails().getOrDefault("availableMethods", ""));
        error(ctx, 405, ctx.method() + " is not allowed on " + ctx.path() + "; allowed: "
            + e.getDetails().getOrDefault("availableMethods", "none"), null);
      });
      config.routes.exception(HttpResponseException.class,
          (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), null));
      config.routes.exception(Exception.class, (e, ctx) -> {
        InternalFailure internal = InternalFailure.logged(e, ctx.method() + " " + ctx.path());
        error(ctx, 500, internal.message(), null);
      });
      routes.accept(config.routes);
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw new InvalidSettingException("HTTP_PORT", "could not listen on HTTP_HOST=" + host + " HTTP_PORT=" + port
          + " (" + rootMessage(e) + "): set HTTP_HOST and HTTP_PORT to a free address of this machine "
          + "(HTTP_PORT=0 picks a free port)", e);
    }
    URI url = URI.create("http://" + host + ":" + app.port());
    out.println("listening on " + url);
    out.flush();
    return new JsonHttpServer(app, url);
  }

  public static JsonHttpServer start(Settings settings, int defaultPort, Consumer<RoutesConfig> routes) {
    return start(settings, defaultPort, routes, System.out);
  }

  /** The root URL, e.g. {@code http://127.0.0.1:8081}. */
  public URI url() {
    return url;
  }

  public int port() {
    return url.getPort();
  }

  /** Answers {@code value} as JSON with {@code status}. */
  public static void respond(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the response as JSON", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static void error(Context ctx, int status, String message, String field) {
    ObjectNode body = MAPPER.createObjectNode().put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    respond(ctx, status, body);
  }

  @Override
  public void close() {
    app.stop();
  }
}
