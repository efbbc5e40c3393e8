package dev.handshake.example.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.example.auth.consume.EventSource;
import dev.handshake.example.auth.consume.TransientFailureException;
import dev.handshake.example.auth.login.Login;
import dev.handshake.example.auth.store.Counters;
import dev.handshake.example.auth.store.DeadLetter;
import dev.handshake.example.auth.store.DeadLetterStore;
import dev.handshake.example.auth.store.UserCopy;
import dev.handshake.example.auth.store.UserStore;
import dev.handshake.example.auth.sync.Reconciler;
import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.JsonRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** auth-service's HTTP API: thin adapters over the login, the store, dead-letter replay and reconciliation. */
final class AuthRoutes {
  static final int MAX_LIMIT = 1_000;
  /** The one answer to every failed login, so it never tells an unknown email from a wrong password. */
  static final String LOGIN_REFUSED = "invalid email or password";

  private final DataSource dataSource;
  private final Login login;
  private final DeadLetterReplay replay;
  private final Optional<Reconciler> reconciler;
  private final EventSource events;

  AuthRoutes(DataSource dataSource, Login login, DeadLetterReplay replay, Optional<Reconciler> reconciler,
      EventSource events) {
    this.dataSource = dataSource;
    this.login = login;
    this.replay = replay;
    this.reconciler = reconciler;
    this.events = events;
  }

  void addTo(RoutesConfig routes) {
    routes.exception(TransientFailureException.class, (e, ctx) -> JsonHttpServer.respond(ctx, 503,
        Map.of("error", "try again later: " + e.getMessage())));
    routes.put("/credentials/{userId}", ctx -> {
      String password = JsonRequest.of(ctx).requiredText("password");
      if (!login.setPassword(ctx.pathParam("userId"), password.toCharArray())) {
        throw ApiException.notFound("userId", "auth-service knows no live user " + ctx.pathParam("userId"));
      }
      ctx.status(204);
    });
    routes.post("/login", ctx -> {
      JsonRequest request = JsonRequest.of(ctx);
      String email = request.requiredText("email");
      String password = request.requiredText("password");
      Optional<String> userId = login.logIn(email, password.toCharArray());
      if (userId.isPresent()) {
        JsonHttpServer.respond(ctx, 200, Map.of("userId", userId.get()));
      } else {
        JsonHttpServer.respond(ctx, 401, Map.of("error", LOGIN_REFUSED));
      }
    });
    routes.get("/users/{id}", this::user);
    routes.get("/users", this::users);
    routes.get("/admin/stats", this::stats);
    routes.get("/admin/dlq", this::deadLetters);
    routes.post("/admin/dlq/replay", ctx -> {
      DeadLetterReplay.Result result = replay.replayAll();
      JsonHttpServer.respond(ctx, 200, result);
    });
    routes.post("/admin/reconcile", ctx -> {
      boolean dryRun = Boolean.parseBoolean(ctx.queryParam("dryRun"));
      Reconciler configured = reconciler.orElseThrow(() -> new ApiException(409, "USER_SERVICE_URL",
          "reconciliation needs user-service's snapshot: start auth-service with USER_SERVICE_URL set"));
      JsonHttpServer.respond(ctx, 200, configured.reconcile(dryRun));
    });
  }

  private void user(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    try (Connection connection = dataSource.getConnection()) {
      UserCopy user = UserStore.find(connection, id)
          .orElseThrow(() -> ApiException.notFound("id", "auth-service knows no user " + id));
      JsonHttpServer.respond(ctx, 200, json(user));
    }
  }

  private void users(Context ctx) throws Exception {
    int limit = (int) JsonRequest.queryLong(ctx, "limit", 100, 1, MAX_LIMIT);
    ArrayNode users = JsonHttpServer.MAPPER.createArrayNode();
    try (Connection connection = dataSource.getConnection()) {
      for (UserCopy user : UserStore.page(connection, ctx.queryParam("after"), limit)) {
        users.add(json(user));
      }
    }
    JsonHttpServer.respond(ctx, 200, JsonHttpServer.MAPPER.createObjectNode().set("users", users));
  }

  private void stats(Context ctx) {
    Map<String, Long> counters;
    try (Connection connection = dataSource.getConnection()) {
      counters = Counters.read(connection);
    } catch (SQLException e) {
      // The consumer's own health still answers when the database does not: that is when it matters.
      JsonHttpServer.respond(ctx, 503, JsonHttpServer.MAPPER.createObjectNode()
          .put("error", "auth-service's database is unreachable: " + e.getMessage())
          .put("lag", events.lag())
          .put("transientFailures", events.transientFailures()));
      return;
    }
    ObjectNode body = JsonHttpServer.MAPPER.createObjectNode();
    for (String name : new String[] {"applied", "duplicates", "stale", "deadLettered"}) {
      body.put(name, counters.getOrDefault(name, 0L));
    }
    body.put("lag", events.lag());
    body.put("transientFailures", events.transientFailures());
    JsonHttpServer.respond(ctx, 200, body);
  }

  private void deadLetters(Context ctx) throws Exception {
    int limit = (int) JsonRequest.queryLong(ctx, "limit", 100, 1, MAX_LIMIT);
    ObjectNode body = JsonHttpServer.MAPPER.createObjectNode();
    ArrayNode records = JsonHttpServer.MAPPER.createArrayNode();
    try (Connection connection = dataSource.getConnection()) {
      body.put("count", DeadLetterStore.countUnresolved(connection));
      for (DeadLetter letter : DeadLetterStore.unresolved(connection, limit)) {
        records.addObject()
            .put("id", letter.id())
            .put("topic", letter.topic())
            .put("partition", letter.partition())
            .put("offset", letter.offset())
            .put("timestamp", letter.timestamp())
            .put("key", letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8))
            .put("error", letter.errorMessage())
            .put("errorClass", letter.errorClass())
            .put("replayAttempts", letter.replayAttempts());
      }
    }
    body.set("records", records);
    JsonHttpServer.respond(ctx, 200, body);
  }

  private static ObjectNode json(UserCopy user) {
    return JsonHttpServer.MAPPER.createObjectNode()
        .put("id", user.id())
        .put("email", user.email())
        .put("status", user.status())
        .put("version", user.version())
        .put("deleted", user.deleted());
  }
}
