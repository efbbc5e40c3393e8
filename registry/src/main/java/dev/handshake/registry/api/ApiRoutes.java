package dev.handshake.registry.api;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.registry.json.Json;
import dev.handshake.registry.store.SchemaCache;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Confluent Schema Registry's endpoints: a request's path and method to the store call and the JSON answer. */
public final class ApiRoutes {
  private final RegistryStore store;
  private final SchemaCache<byte[]> schemaAnswers;

  ApiRoutes(RegistryStore store, SchemaCache<byte[]> schemaAnswers) {
    this.store = store;
    this.schemaAnswers = schemaAnswers;
  }

  Response route(ApiRequest r) throws IOException, ApiException {
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
            return json(200, store.writes().deleteSubject(subject, r.flag("permanent")));
          }
          return notAllowed();
        }
        if (!"versions".equals(p.get(2))) {
          break;
        }
        if (n == 3) {
          if (r.is("GET")) {
            return json(200, store.queries().versions(subject, r.flag("deleted")));
          }
          if (r.is("POST")) {
            return register(r, subject);
          }
          return notAllowed();
        }
        String version = p.get(3);
        if (n == 4) {
          if (r.is("GET")) {
            return json(200, versionJson(store.queries().version(subject, version, r.flag("deleted"))));
          }
          if (r.is("DELETE")) {
            return json(200, store.writes().deleteVersion(subject, version, r.flag("permanent")));
          }
          return notAllowed();
        }
        if (n == 5 && "schema".equals(p.get(4))) {
          return r.is("GET") ? raw(store.queries().version(subject, version, r.flag("deleted")).schema().schema())
              : notAllowed();
        }
        if (n == 5 && "referencedby".equals(p.get(4))) {
          return r.is("GET") ? json(200, store.queries().referencedBy(subject, version)) : notAllowed();
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
          RegistryStore.StoredSchema schema = store.queries().schemaById(id);
          if (n == 4 && "schema".equals(p.get(3))) {
            return raw(schema.schema());
          }
          if (n == 4 && "subjects".equals(p.get(3))) {
            return json(200, store.queries().usagesOf(id).stream().map(RegistryStore.Registered::subject)
                .distinct().toList());
          }
          if (n == 4 && "versions".equals(p.get(3))) {
            return json(200, store.queries().usagesOf(id).stream()
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
            return json(200, Json.object("compatibilityLevel", store.queries().globalLevel().name()));
          }
          if (r.is("PUT")) {
            CompatibilityLevel level = store.writes().setLevel(null, RequestBodies.levelFrom(r.body(RequestBodies::noLevelGiven)));
            return json(200, Json.object("compatibility", level.name()));
          }
          if (r.is("DELETE")) {
            return json(200, Json.object("compatibilityLevel", store.writes().deleteGlobalLevel().name()));
          }
          return notAllowed();
        }
        if (n == 2) {
          String subject = subject(p.get(1));
          if (r.is("GET")) {
            Optional<CompatibilityLevel> own = store.queries().subjectLevel(subject);
            if (own.isEmpty() && !r.flag("defaultToGlobal")) {
              throw new ApiException(404, 40408, "Subject '" + subject + "' does not have subject-level "
                  + "compatibility configured");
            }
            return json(200, Json.object("compatibilityLevel", own.orElseGet(store.queries()::globalLevel).name()));
          }
          if (r.is("PUT")) {
            CompatibilityLevel level = store.writes().setLevel(subject, RequestBodies.levelFrom(r.body(RequestBodies::noLevelGiven)));
            return json(200, Json.object("compatibility", level.name()));
          }
          if (r.is("DELETE")) {
            return json(200, Json.object("compatibilityLevel", store.writes().deleteLevel(subject).name()));
          }
          return notAllowed();
        }
      }
      case "handshake" -> {
        if (n == 2 && "stats".equals(p.get(1))) {
          return r.is("GET") ? json(200, store.queries().stats()) : notAllowed();
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
    return ApiHandler.error(404, 404, "HTTP 404 Not Found: no endpoint " + r.method + " /" + String.join("/", p));
  }

  /**
   * The hottest request (every consumer resolving a message's schema id): its answer is cached as bytes. An id's
   * schema never changes, and an answer is cached only after it was given, so after its record was durable.
   */
  private Response schemaById(int id) throws ApiException {
    byte[] cached = schemaAnswers.get(id);
    if (cached == null) {
      cached = cacheAnswer(store.queries().schemaById(id));
    }
    return new Response(200, cached);
  }


  private byte[] cacheAnswer(RegistryStore.StoredSchema schema) {
    Map<String, Object> body = Json.object("schema", schema.schema());
    addReferences(body, schema.references());
    byte[] answer = Json.write(body);
    schemaAnswers.put(schema.id(), answer);
    return answer;
  }

  /** The answer, or the 409, waits for the flush without holding the thread: see {@link Response#durableAt}. */
  private Response register(ApiRequest r, String subject) throws IOException, ApiException {
    RequestBodies.SchemaRequest body = RequestBodies.schemaRequest(r.body());
    StoreAccess.Visibility answerNeeds = new StoreAccess.Visibility();
    try {
      RegistryStore.Registered registered = store.writes().register(subject, body.schema(), body.references(),
          answerNeeds);
      return json(200, Json.object("id", registered.schema().id())).onceDurable(answerNeeds.position());
    } catch (ApiException e) {
      if (e.worthALogLine()) {
        throw e;   // a limit, whatever the store holds: answered (and noted) by ApiHandler
      }
      return ApiHandler.error(e.status(), e.errorCode(), e.getMessage()).onceDurable(answerNeeds.position());
    }
  }

  private Response lookup(ApiRequest r, String subject) throws IOException, ApiException {
    RequestBodies.SchemaRequest body = RequestBodies.schemaRequest(r.body());
    RegistryStore.Registered found = store.queries().lookup(subject, body.schema(), body.references(), r.flag("deleted"))
        .orElseThrow(() -> ApiException.schemaNotFound("Schema not found"));
    return json(200, versionJson(found));
  }

  private Response compatibility(ApiRequest r, String subject, String version) throws IOException, ApiException {
    RequestBodies.SchemaRequest body = RequestBodies.schemaRequest(r.body());
    CompatibilityReport report = store.queries().testCompatibility(subject, version, body.schema(), body.references());
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
    SchemaLimits.checkSubject(segment);
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

  private static Response json(int status, Object body) {
    return new Response(status, Json.write(body));
  }

  private static Response raw(String schema) {
    return new Response(200, schema.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Response notAllowed() {
    return ApiHandler.error(405, 405, "HTTP 405 Method Not Allowed");
  }
}
