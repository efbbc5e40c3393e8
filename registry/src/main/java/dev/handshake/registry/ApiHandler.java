package dev.handshake.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.registry.SchemaReference;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confluent Schema Registry's REST API over {@link RegistryStore}. Every failure becomes an error body in
 * Confluent's shape; an unexpected exception is a 500 with error code 50001 and never stops the server.
 */
final class ApiHandler implements HttpHandler {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  static final int MAX_BODY = 1024 * 1024;
  private static final long MAX_DISCARD = 64L * 1024 * 1024;

  private final RegistryStore store;
  private final byte[] expectedAuthorization;
  private final PrintStream errors;
  private final RequestHook hook;
  private final SchemaCache<byte[]> schemaAnswers = new SchemaCache<>(4096, 4L << 20, bytes -> bytes.length);

  /** Called before each request is routed; tests use it to inject failures, production passes {@link #NONE}. */
  interface RequestHook {
    void before(String method, String rawPath);
  }

  static final RequestHook NONE = (method, rawPath) -> { };

  ApiHandler(RegistryStore store, String basicAuthorization, PrintStream errors, RequestHook hook) {
    this.store = store;
    this.expectedAuthorization = basicAuthorization == null ? null
        : basicAuthorization.getBytes(StandardCharsets.UTF_8);
    this.errors = errors;
    this.hook = hook;
  }

  /**
   * Every request gets an answer: Confluent's error for an {@link ApiException}, a 500 (error code 50001) for
   * anything else thrown, Errors included, logged once here. An {@link OutOfMemoryError} is not survivable
   * (other threads are failing too, and a handler thread that dies leaves its client waiting forever), so it
   * ends the process at once with {@link FatalErrors#EXIT_CODE}: every acknowledged write is already on disk,
   * and a supervisor restarting the registry beats one limping on.
   */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        hook.before(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
        response = respond(exchange);
      } catch (ApiException e) {
        response = error(e.status(), e.errorCode(), e.getMessage());
      } catch (OutOfMemoryError e) {
        throw FatalErrors.exit(e, errors);
      } catch (RuntimeException | Error e) {
        response = unexpected(exchange, e);
      }
      discardRest(exchange, response);
      send(exchange, response);
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, errors);
    }
  }

  private Response unexpected(HttpExchange exchange, Throwable e) {
    synchronized (errors) {
      errors.println("registry: unexpected error for " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI().getRawPath() + ": " + e);
      e.printStackTrace(errors);
    }
    return error(500, 50001, "Internal error: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private Response respond(HttpExchange exchange) throws IOException, ApiException {
    if (expectedAuthorization != null && !authorized(exchange)) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"handshake-registry\"");
      return error(401, 40101, "Unauthorized: send HTTP basic credentials");
    }
    return route(ApiRequest.of(exchange));
  }

  private Response route(ApiRequest r) throws IOException, ApiException {
    List<String> p = r.path;
    int n = p.size();
    if (n == 0) {
      return r.is("GET") ? json(200, Json.object()) : notAllowed();
    }
    switch (p.get(0)) {
      case "subjects" -> {
        if (n == 1) {
          return r.is("GET") ? SubjectListing.of(store, r.query).response() : notAllowed();
        }
        String subject = subject(p.get(1));
        if (n == 2) {
          if (r.is("POST")) {
            return lookup(r, subject);
          }
          if (r.is("DELETE")) {
            return json(200, store.deleteSubject(subject, r.flag("permanent")));
          }
          return notAllowed();
        }
        if (!"versions".equals(p.get(2))) {
          break;
        }
        if (n == 3) {
          if (r.is("GET")) {
            return json(200, store.versions(subject, r.flag("deleted")));
          }
          if (r.is("POST")) {
            return register(r, subject);
          }
          return notAllowed();
        }
        String version = p.get(3);
        if (n == 4) {
          if (r.is("GET")) {
            return json(200, versionJson(store.version(subject, version, r.flag("deleted"))));
          }
          if (r.is("DELETE")) {
            return json(200, store.deleteVersion(subject, version, r.flag("permanent")));
          }
          return notAllowed();
        }
        if (n == 5 && "schema".equals(p.get(4))) {
          return r.is("GET") ? raw(store.version(subject, version, r.flag("deleted")).schema().schema())
              : notAllowed();
        }
        if (n == 5 && "referencedby".equals(p.get(4))) {
          return r.is("GET") ? json(200, store.referencedBy(subject, version)) : notAllowed();
        }
      }
      case "schemas" -> {
        if (n == 1) {
          return r.is("GET") ? SchemaListing.of(store, r.query).response() : notAllowed();
        }
        if (n == 2 && "types".equals(p.get(1))) {
          return r.is("GET") ? json(200, List.of("AVRO")) : notAllowed();
        }
        if (n >= 3 && "ids".equals(p.get(1))) {
          if (!r.is("GET")) {
            return notAllowed();
          }
          int id = parseId(p.get(2));
          if (n == 3) {
            return schemaById(id);
          }
          RegistryStore.StoredSchema schema = store.schemaById(id);
          if (n == 4 && "schema".equals(p.get(3))) {
            return raw(schema.schema());
          }
          if (n == 4 && "subjects".equals(p.get(3))) {
            return json(200, store.usagesOf(id).stream().map(RegistryStore.Registered::subject)
                .distinct().toList());
          }
          if (n == 4 && "versions".equals(p.get(3))) {
            return json(200, store.usagesOf(id).stream()
                .map(u -> Json.object("subject", u.subject(), "version", u.version())).toList());
          }
        }
      }
      case "compatibility" -> {
        if (n >= 4 && "subjects".equals(p.get(1)) && "versions".equals(p.get(3)) && n <= 5) {
          if (!r.is("POST")) {
            return notAllowed();
          }
          return compatibility(r, subject(p.get(2)), n == 5 ? p.get(4) : null);
        }
      }
      case "config" -> {
        if (n == 1) {
          if (r.is("GET")) {
            return json(200, Json.object("compatibilityLevel", store.globalLevel().name()));
          }
          if (r.is("PUT")) {
            CompatibilityLevel level = store.setLevel(null, RequestBodies.levelFrom(r.body(RequestBodies::noLevelGiven)));
            return json(200, Json.object("compatibility", level.name()));
          }
          if (r.is("DELETE")) {
            return json(200, Json.object("compatibilityLevel", store.deleteGlobalLevel().name()));
          }
          return notAllowed();
        }
        if (n == 2) {
          String subject = subject(p.get(1));
          if (r.is("GET")) {
            Optional<CompatibilityLevel> own = store.subjectLevel(subject);
            if (own.isEmpty() && !r.flag("defaultToGlobal")) {
              throw new ApiException(404, 40408, "Subject '" + subject + "' does not have subject-level "
                  + "compatibility configured");
            }
            return json(200, Json.object("compatibilityLevel", own.orElseGet(store::globalLevel).name()));
          }
          if (r.is("PUT")) {
            CompatibilityLevel level = store.setLevel(subject, RequestBodies.levelFrom(r.body(RequestBodies::noLevelGiven)));
            return json(200, Json.object("compatibility", level.name()));
          }
          if (r.is("DELETE")) {
            return json(200, Json.object("compatibilityLevel", store.deleteLevel(subject).name()));
          }
          return notAllowed();
        }
      }
      case "handshake" -> {
        if (n == 2 && "stats".equals(p.get(1))) {
          return r.is("GET") ? json(200, store.stats()) : notAllowed();
        }
      }
      case "mode" -> {
        if (n <= 2) {
          if (n == 2) {
            subject(p.get(1));
          }
          if (r.is("GET")) {
            return json(200, Json.object("mode", RequestBodies.READWRITE));
          }
          if (r.is("PUT")) {
            return json(200, Json.object("mode", RequestBodies.modeFrom(r.body(RequestBodies::noModeGiven))));
          }
          return notAllowed();
        }
      }
      default -> {
      }
    }
    return error(404, 404, "HTTP 404 Not Found: no endpoint " + r.method + " /" + String.join("/", p));
  }

  /**
   * The hottest request (every consumer resolving a message's schema id): its answer is cached as bytes. An id's
   * schema never changes, and an answer is cached only after it was given, so after its record was durable.
   */
  private Response schemaById(int id) throws ApiException {
    byte[] cached = schemaAnswers.get(id);
    if (cached == null) {
      RegistryStore.StoredSchema schema = store.schemaById(id);
      Map<String, Object> body = Json.object("schema", schema.schema());
      addReferences(body, schema.references());
      cached = Json.write(body);
      schemaAnswers.put(id, cached);
    }
    return new Response(200, cached);
  }

  private Response register(ApiRequest r, String subject) throws IOException, ApiException {
    RequestBodies.SchemaRequest body = RequestBodies.schemaRequest(r.body());
    RegistryStore.Registered registered = store.register(subject, body.schema(), body.references());
    return json(200, Json.object("id", registered.schema().id()));
  }

  private Response lookup(ApiRequest r, String subject) throws IOException, ApiException {
    RequestBodies.SchemaRequest body = RequestBodies.schemaRequest(r.body());
    RegistryStore.Registered found = store.lookup(subject, body.schema(), body.references(), r.flag("deleted"))
        .orElseThrow(() -> ApiException.schemaNotFound("Schema not found"));
    return json(200, versionJson(found));
  }

  private Response compatibility(ApiRequest r, String subject, String version) throws IOException, ApiException {
    RequestBodies.SchemaRequest body = RequestBodies.schemaRequest(r.body());
    CompatibilityReport report = store.testCompatibility(subject, version, body.schema(), body.references());
    Map<String, Object> answer = Json.object("is_compatible", report.compatible());
    if (r.flag("verbose")) {
      answer.put("messages", report.findings().stream()
          .map(f -> "[" + f.rule() + "] " + f.message() + " Fix: " + f.fix()).toList());
    }
    return json(200, answer);
  }

  /** A subject from the path; an empty one ({@code /subjects//versions}) is refused as what it is. */
  private static String subject(String segment) throws ApiException {
    if (segment.isEmpty()) {
      throw new ApiException(422, 42208, "Invalid subject: the subject in the path is empty (\"//\"); put the "
          + "subject name, URL-encoded, between the slashes");
    }
    return segment;
  }

  private static int parseId(String text) throws ApiException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.schemaNotFound("Schema " + text + " not found");
    }
  }

  static Map<String, Object> versionJson(RegistryStore.Registered registered) {
    Map<String, Object> body = Json.object("subject", registered.subject(), "version", registered.version(),
        "id", registered.schema().id(), "schema", registered.schema().schema());
    addReferences(body, registered.schema().references());
    return body;
  }

  private static void addReferences(Map<String, Object> body, List<SchemaReference> references) {
    if (!references.isEmpty()) {
      body.put("references", references.stream()
          .map(ref -> Json.object("name", ref.name(), "subject", ref.subject(), "version", ref.version())).toList());
    }
  }

  // ---- HTTP plumbing ----

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expectedAuthorization);
  }

  /** An answer: a body in memory, or (with {@code streamed}) one written to the client as it is produced. */
  record Response(int status, byte[] body, BodyWriter streamed) {
    Response(int status, byte[] body) {
      this(status, body, null);
    }
  }

  interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  private static Response json(int status, Object body) {
    return new Response(status, Json.write(body));
  }

  private static Response raw(String schema) {
    return new Response(200, schema.getBytes(StandardCharsets.UTF_8));
  }

  private static Response error(int status, int code, String message) {
    return json(status, Json.object("error_code", code, "message", message));
  }

  private static Response notAllowed() {
    return error(405, 405, "HTTP 405 Method Not Allowed");
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    if (response.streamed() != null) {
      exchange.sendResponseHeaders(response.status(), 0);
      try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 16 * 1024)) {
        response.streamed().writeTo(out);
      }
      return;
    }
    exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  /**
   * Reads (without keeping) what is left of the request body before answering: closing a socket with unread
   * bytes makes TCP reset the connection, and the client would lose the answer, 413 included. Past
   * {@link #MAX_DISCARD} the connection is closed anyway: no one gets to stream unbounded bytes at us.
   */
  private static void discardRest(HttpExchange exchange, Response response) {
    long discarded = 0;
    try {
      InputStream in = exchange.getRequestBody();
      // Most requests (every GET) have nothing left: find out without allocating a buffer per request.
      if (in.read() >= 0) {
        discarded = 1;
        byte[] buffer = new byte[8 * 1024];
        int read;
        while (discarded <= MAX_DISCARD && (read = in.read(buffer)) >= 0) {
          discarded += read;
        }
      }
    } catch (IOException e) {
      // The client went away; the answer below will fail quietly too.
    }
    if (discarded > MAX_DISCARD || response.status() == 413) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
  }
}
