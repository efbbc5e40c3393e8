package dev.handshake.registry.api;

import dev.handshake.registry.http.RegistryHandler;
import dev.handshake.registry.json.Json;
import dev.handshake.registry.store.SchemaCache;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The registry's {@link HttpService}: authentication and the rule that every request gets an answer. Routing is {@link ApiRoutes}'.
 */
public final class ApiHandler implements HttpService {
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  public static final int MAX_BODY = HttpLimits.DEFAULT.maxBody();
  /** Estimated heap for parsed request schemas and schema listings in progress together. */
  static final long HEAVY_WORK_BUDGET = 24L << 20;
  private final RegistryStore store;
  private final ApiRoutes routes;
  private final byte[] expectedAuthorization;
  private final PrintStream errors;
  private final RequestHook hook;
  /** Parses of request schemas and listings of schemas, admitted within a byte budget. */
  private final HeavyWork heavyWork = new HeavyWork(HEAVY_WORK_BUDGET, java.time.Duration.ofSeconds(10));
  /** An id's answer as bytes: an id's schema never changes; cached only once given, so once durable. */
  private final SchemaCache<byte[]> schemaAnswers = new SchemaCache<>(4096, 4L << 20, bytes -> bytes.length);

  /** Called before each request is routed; tests use it to inject failures, production passes {@link #NONE}. */
  public interface RequestHook {
    void before(String method, String rawPath);
  }

  public static final RequestHook NONE = (method, rawPath) -> { };

  public ApiHandler(RegistryStore store, String basicAuthorization, PrintStream errors, RequestHook hook) {
    this.store = store;
    this.routes = new ApiRoutes(store, schemaAnswers);
    this.expectedAuthorization = basicAuthorization == null ? null
        : basicAuthorization.getBytes(StandardCharsets.UTF_8);
    this.errors = errors;
    this.hook = hook;
  }

  /** A 401 before the body is read (and before {@code 100 Continue}) when credentials are required and wrong. */
  @Override
  public Response refuseBeforeBody(WireRequest head) {
    return expectedAuthorization != null && !authorized(head) ? unauthorized() : null;
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
        return unauthorized();
      }
      ApiRequest parsed = ApiRequest.of(request);
      HeavyWork.Admission admission = heavyWork.admit(heapNeeded(parsed, request));
      Response answer;
      try {
        answer = routes.route(parsed);
      } catch (IOException | ApiException | RuntimeException | Error e) {
        admission.close();
        throw e;
      }
      if (answer.streamed() == null) {
        admission.close();
        return answer;
      }
      Response.BodyWriter listing = answer.streamed();
      return Response.streamed(out -> {
        try (admission) {
          listing.writeTo(out);
        }
      });
    });
  }

  /**
   * The heap a request may need beyond its body: a schema it carries is parsed (and the versions it is checked
   * against may be parsed too), a listing of schemas holds a page of texts; other requests need little.
   */
  private static long heapNeeded(ApiRequest request, WireRequest wire) {
    if (wire.body().length > 0) {
      return 2 * SchemaLimits.estimatedParsedBytes(wire.body().length);
    }
    boolean schemaListing = request.path.size() == 1 && "schemas".equals(request.path.get(0));
    return schemaListing ? SchemaListing.HEAP_PER_LISTING : 0;
  }

  private interface Route {
    Response answer() throws IOException, ApiException;
  }

  private Response answer(WireRequest request, Route route) {
    try {
      return route.answer();
    } catch (ApiException e) {
      if (e.worthALogLine()) {
        synchronized (errors) {
          errors.println("registry: refused " + request.method() + " " + request.rawPath() + ": " + e.getMessage());
        }
      }
      if (e.status() == 503) {
        return new Response(503, errorBody(e.errorCode(), e.getMessage()),
            java.util.Map.of("Retry-After", RegistryHandler.RETRY_AFTER_SECONDS));
      }
      return error(e.status(), e.errorCode(), e.getMessage());
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, errors);
    } catch (IOException | RuntimeException | Error e) {
      return unexpected(request, e);
    }
  }

  @Override
  public boolean isDurable(DurablePosition position) {
    return store.durableAt(position);
  }

  @Override
  public void makeDurable(DurablePosition position) throws java.io.IOException {
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

  private static Response unauthorized() {
    return new Response(401, errorBody(40101, "Unauthorized: send HTTP basic credentials"),
        java.util.Map.of("WWW-Authenticate", "Basic realm=\"handshake-registry\""));
  }

  public static Response error(int status, int code, String message) {
    return new Response(status, errorBody(code, message));
  }

  /** Confluent's error shape, {@code {"error_code": N, "message": "..."}}. */
  public static byte[] errorBody(int code, String message) {
    return Json.write(Json.object("error_code", code, "message", message));
  }
}
