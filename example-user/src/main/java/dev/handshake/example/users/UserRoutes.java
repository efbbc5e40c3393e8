package dev.handshake.example.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.example.support.AdminToken;
import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.JsonRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** user-service's HTTP API; every handler is a thin adapter over the store, the feed, the snapshot or the admin. */
final class UserRoutes {
  private static final Set<String> CREATABLE = Set.of("email", "givenName", "familyName", "name");
  private static final Set<String> UPDATABLE = Set.of("email", "givenName", "familyName", "name", "status");
  static final int MAX_LIMIT = 1_000;
  static final long MAX_TIMEOUT_MS = 60_000;
  /** RFC 5321's longest forward path less its angle brackets; counted in bytes of UTF-8, as every limit here. */
  static final int MAX_EMAIL_BYTES = 254;
  static final int MAX_NAME_BYTES = 200;
  /** Ids are UUIDs; anything longer is no id this service made. */
  static final int MAX_ID_BYTES = 64;

  private final UserStore users;
  private final EventFeed feed;
  private final UserSnapshot snapshot;
  private final OutboxAdmin admin;
  private final List<String> statusSymbols;
  private final AdminToken adminToken;

  /** {@code statusSymbols}: the UserStatus symbols of the event schemas, the only statuses a user can have. */
  UserRoutes(UserStore users, EventFeed feed, UserSnapshot snapshot, OutboxAdmin admin, List<String> statusSymbols,
      AdminToken adminToken) {
    this.adminToken = adminToken;
    this.statusSymbols = List.copyOf(statusSymbols);
    this.users = users;
    this.feed = feed;
    this.snapshot = snapshot;
    this.admin = admin;
  }

  void addTo(RoutesConfig routes) {
    // Every /admin/* path, present and future, needs the admin token; the user API and the feed stay open.
    routes.before("/admin/*", adminToken::require);
    routes.post("/users", this::create);
    // Before /users/{id}, so "snapshot" is never taken for an id.
    routes.get("/users/snapshot", ctx -> {
      ctx.status(200).contentType("application/json");
      snapshot.writeTo(ctx.outputStream());
    });
    routes.get("/users/{id}", ctx -> JsonHttpServer.respond(ctx, 200, UserJson.of(
        users.find(id(ctx)).orElseThrow(() -> unknown(id(ctx))))));
    routes.put("/users/{id}", this::update);
    routes.delete("/users/{id}", ctx -> {
      users.delete(id(ctx));
      ctx.status(204);
    });
    routes.get("/events", this::events);
    routes.get("/admin/outbox", ctx -> JsonHttpServer.respond(ctx, 200, admin.status()));
    routes.post("/admin/outbox/replay", ctx -> {
      long from = JsonRequest.of(ctx).requiredLong("fromPosition");
      if (from < 1) {
        throw ApiException.badRequest("fromPosition", "\"fromPosition\" must be 1 or more, got " + from);
      }
      ObjectNode body = JsonHttpServer.MAPPER.createObjectNode().put("fromPosition", from)
          .put("requeued", admin.replay(from));
      JsonHttpServer.respond(ctx, 202, body);
    });
    routes.post("/admin/relay/pause", ctx -> {
      admin.setPaused(true);
      JsonHttpServer.respond(ctx, 200, admin.status());
    });
    routes.post("/admin/relay/resume", ctx -> {
      admin.setPaused(false);
      JsonHttpServer.respond(ctx, 200, admin.status());
    });
  }

  private void create(Context ctx) {
    JsonRequest request = JsonRequest.of(ctx);
    rejectUnknownFields(request, CREATABLE);
    String email = email(request.requiredText("email", MAX_EMAIL_BYTES));
    User.Name name = name(request).orElseThrow(() -> ApiException.badRequest("givenName",
        "\"givenName\" is required (with \"familyName\" when there is one), or the whole \"name\""));
    User user = users.create(email, name);
    JsonHttpServer.respond(ctx, 201, UserJson.of(user));
  }

  private void update(Context ctx) {
    JsonRequest request = JsonRequest.of(ctx);
    rejectUnknownFields(request, UPDATABLE);
    if (request.body().isEmpty()) {
      throw ApiException.badRequest("body", "send at least one of " + UPDATABLE);
    }
    Optional<String> email = request.optionalText("email", MAX_EMAIL_BYTES).map(UserRoutes::email);
    Optional<String> status = request.optionalText("status", MAX_NAME_BYTES).map(this::status);
    Optional<String> givenName;
    Optional<String> familyName;
    Optional<User.Name> whole = wholeName(request);
    if (whole.isPresent()) {
      givenName = whole.map(User.Name::given);
      familyName = whole.map(User.Name::family);
    } else {
      givenName = request.optionalText("givenName", MAX_NAME_BYTES);
      familyName = familyName(request);
    }
    User user = users.update(id(ctx), email, givenName, familyName, status);
    JsonHttpServer.respond(ctx, 200, UserJson.of(user));
  }

  /**
   * The name a create sends: {@code givenName} and {@code familyName} (may be empty or absent), or, as clients
   * from before the split send it, the whole {@code name}, split on its first space. Never both.
   */
  private static Optional<User.Name> name(JsonRequest request) {
    Optional<User.Name> whole = wholeName(request);
    if (whole.isPresent()) {
      return whole;
    }
    return request.optionalText("givenName", MAX_NAME_BYTES)
        .map(given -> new User.Name(given, familyName(request).orElse("")));
  }

  private static Optional<User.Name> wholeName(JsonRequest request) {
    Optional<String> whole = request.optionalText("name", MAX_NAME_BYTES);
    if (whole.isPresent() && (request.body().has("givenName") || request.body().has("familyName"))) {
      throw ApiException.badRequest("name", "send either the whole \"name\" or \"givenName\" and \"familyName\","
          + " not both");
    }
    return whole.map(User.Name::split);
  }

  /** {@code familyName} may be empty (one name only); any other value as every text field. */
  private static Optional<String> familyName(JsonRequest request) {
    var value = request.body().get("familyName");
    if (value != null && value.isTextual() && value.asText().isEmpty()) {
      return Optional.of("");
    }
    return request.optionalText("familyName", MAX_NAME_BYTES);
  }

  private void events(Context ctx) throws InterruptedException {
    long after = JsonRequest.queryLong(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) JsonRequest.queryLong(ctx, "limit", 100, 1, MAX_LIMIT);
    long timeout = JsonRequest.queryLong(ctx, "timeout", 0, 0, MAX_TIMEOUT_MS);
    EventFeed.Page page = feed.after(after, limit, Duration.ofMillis(timeout));
    ObjectNode body = JsonHttpServer.MAPPER.createObjectNode();
    ArrayNode events = body.putArray("events");
    for (OutboxEvent event : page.events()) {
      events.addObject()
          .put("position", event.position())
          .put("eventId", event.eventId().toString())
          .put("type", event.type())
          .put("userId", event.userId())
          .put("version", event.version())
          .set("data", event.data());
    }
    body.put("last", page.last());
    JsonHttpServer.respond(ctx, 200, body);
  }

  private static String email(String email) {
    int at = email.indexOf('@');
    if (at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
      throw ApiException.badRequest("email", "\"email\" must look like name@domain, got \"" + email + "\"");
    }
    return email;
  }

  private String status(String status) {
    if (!statusSymbols.contains(status)) {
      throw ApiException.badRequest("status", "\"status\" must be one of " + statusSymbols + " (UserStatus in the event "
          + "schemas), got \"" + status + "\"");
    }
    return status;
  }

  private static void rejectUnknownFields(JsonRequest request, Set<String> known) {
    for (Iterator<String> names = request.body().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.badRequest(name, "\"" + name + "\" cannot be set here; the fields are " + known);
      }
    }
  }

  private static String id(Context ctx) {
    return JsonRequest.pathText(ctx, "id", MAX_ID_BYTES);
  }

  private static ApiException unknown(String id) {
    return ApiException.notFound("id", "no user with id " + id);
  }
}
