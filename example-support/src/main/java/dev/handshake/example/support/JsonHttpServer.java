package dev.handshake.example.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.PrintStream;
import java.net.URI;
import java.util.function.Consumer;

/**
 * An example service's HTTP server: Javalin on {@code HTTP_HOST} (default 127.0.0.1) and {@code HTTP_PORT}
 * (0 picks a free port). Every error is JSON, {@code {"error":"...","field":"..."}}; when it is ready it
 * prints {@code listening on http://HOST:PORT}, the line scripts and tests wait for.
 */
public final class JsonHttpServer implements AutoCloseable {
  /** Jackson for request and response bodies; Javalin's own JSON mapper is not used. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private final Javalin app;
  private final URI url;

  private JsonHttpServer(Javalin app, URI url) {
    this.app = app;
    this.url = url;
  }

  /** Starts the server with the routes {@code routes} adds, and prints the listening line to {@code out}. */
  public static JsonHttpServer start(Settings settings, int defaultPort, Consumer<RoutesConfig> routes,
      PrintStream out) {
    String host = settings.text("HTTP_HOST", "127.0.0.1");
    int port = settings.port("HTTP_PORT", defaultPort);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.field()));
      config.routes.exception(HttpResponseException.class,
          (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), null));
      config.routes.exception(Exception.class, (e, ctx) -> {
        e.printStackTrace();
        error(ctx, 500, "internal error: " + e, null);
      });
      routes.accept(config.routes);
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw new InvalidSettingException("HTTP_PORT", "could not listen on " + host + ":" + port + " ("
          + e.getMessage() + "): set HTTP_HOST and HTTP_PORT to a free address (HTTP_PORT=0 picks a free port)", e);
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
