package dev.handshake.registry;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The registry's {@link HttpService}: authentication, the cached answer for a schema by id, and the rule that
 * every request gets an answer. Routing is {@link ApiRoutes}'.
 */
final class ApiHandler implements HttpService {
  static final String CONTENT_TYPE = ResponseHead.CONTENT_TYPE;
  static final int MAX_BODY = HttpLimits.DEFAULT.maxBody();
  private static final String IDS = "/schemas/ids/";

  private static final String SUBJECTS = "/subjects/";
  private static final String VERSIONS = "/versions";

  private final RegistryStore store;
  private final ApiRoutes routes;
  private final byte[] expectedAuthorization;
  private final PrintStream errors;
  private final RequestHook hook;
  /** An id's answer as bytes: an id's schema never changes; cached only once given, so once durable. */
  private final SchemaCache<byte[]> schemaAnswers = new SchemaCache<>(4096, 4L << 20, bytes -> bytes.length);

  /** Called before each request is routed; tests use it to inject failures, production passes {@link #NONE}. */
  interface RequestHook {
    void before(String method, String rawPath);
  }

  static final RequestHook NONE = (method, rawPath) -> { };

  ApiHandler(RegistryStore store, String basicAuthorization, PrintStream errors, RequestHook hook) {
    this.store = store;
    this.routes = new ApiRoutes(store, schemaAnswers);
    this.expectedAuthorization = basicAuthorization == null ? null
        : basicAuthorization.getBytes(StandardCharsets.UTF_8);
    this.errors = errors;
    this.hook = hook;
  }

  /**
   * The two hot requests, answered on the connection's loop thread without a hand-off. {@code GET
   * /schemas/ids/{id}}, which every consumer makes for each new schema id it meets: from the answer cache, or
   * from the log when that needs no wait. {@code POST /subjects/{subject}/versions}, every producer's start and
   * build: parsing, the check and the append are work for a CPU, not for a thread of its own, and the flush is
   * waited for by {@link GroupCommit}, not here. Anything else goes to a worker: an id that would need a wait,
   * and a registration under a transitive level, whose check against every earlier version (hundreds of
   * milliseconds for a long history) would hold up every other connection of the loop.
   */
  @Override
  public Response answerAtOnce(WireRequest request) {
    String path = request.rawPath();
    if (hook != NONE || request.rawQuery() != null
        || (expectedAuthorization != null && !authorized(request))) {
      return null;
    }
    if (request.method().equals("POST") && path.startsWith(SUBJECTS) && path.endsWith(VERSIONS)
        && path.indexOf('/', SUBJECTS.length()) == path.length() - VERSIONS.length()) {
      return registrationOnThisThread(request);
    }
    if (!request.method().equals("GET") || !path.startsWith(IDS) || path.length() > IDS.length() + 9
        || path.length() == IDS.length()) {
      return null;
    }
    int id = 0;
    for (int i = IDS.length(); i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      id = id * 10 + (c - '0');
    }
    byte[] answer = schemaAnswers.get(id);
    if (answer == null) {
      answer = routes.schemaAnswerWithoutWaiting(id);
    }
    return answer == null ? null : new Response(200, answer);
  }

  /**
   * Every request gets an answer: Confluent's error for an {@link ApiException}, a 500 (error code 50001) for
   * anything else thrown, Errors included, logged once here. An {@link OutOfMemoryError} is not survivable
   * (other threads are failing too, and a handler thread that dies leaves its client waiting forever), so it
   * ends the process at once with {@link FatalErrors#EXIT_CODE}: every acknowledged write is already on disk,
   * and a supervisor restarting the registry beats one limping on.
   */
  @Override
  public Response handle(WireRequest request) {
    return answer(request, () -> {
      hook.before(request.method(), request.rawPath());
      if (expectedAuthorization != null && !authorized(request)) {
        return new Response(401, errorBody(40101, "Unauthorized: send HTTP basic credentials"), null,
            "WWW-Authenticate: Basic realm=\"handshake-registry\"\r\n");
      }
      return routes.route(ApiRequest.of(request));
    });
  }

  private interface Route {
    Response answer() throws java.io.IOException, ApiException;
  }

  private Response answer(WireRequest request, Route route) {
    try {
      return route.answer();
    } catch (ApiException e) {
      return error(e.status(), e.errorCode(), e.getMessage());
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, errors);
    } catch (java.io.IOException | RuntimeException | Error e) {
      return unexpected(request, e);
    }
  }

  /** The registration's answer, or null when its level is transitive (or its path undecodable): a worker's. */
  private Response registrationOnThisThread(WireRequest registration) {
    ApiRequest parsed;
    try {
      parsed = ApiRequest.of(registration);
    } catch (ApiException badPath) {
      return null;
    }
    return store.queries().checksAtMostOneVersion(parsed.path.get(1))
        ? answer(registration, () -> routes.route(parsed)) : null;
  }

  @Override
  public boolean isDurable(long position) {
    return store.durableAt(position);
  }

  @Override
  public void makeDurable(long position) throws java.io.IOException {
    store.makeDurable(position);
  }

  private Response unexpected(WireRequest request, Throwable e) {
    synchronized (errors) {
      errors.println("registry: unexpected error for " + request.method() + " " + request.rawPath() + ": " + e);
      e.printStackTrace(errors);
    }
    return error(500, 50001, "Internal error: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private boolean authorized(WireRequest request) {
    String header = request.authorization();
    byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expectedAuthorization);
  }

  static Response error(int status, int code, String message) {
    return new Response(status, errorBody(code, message));
  }

  /** Confluent's error shape, {@code {"error_code": N, "message": "..."}}. */
  static byte[] errorBody(int code, String message) {
    return Json.write(Json.object("error_code", code, "message", message));
  }
}
