package dev.handshake.example.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handshake.example.auth.consume.ConsumerLag;
import dev.handshake.example.auth.consume.EventSource;
import dev.handshake.example.auth.consume.TransientFailureException;
import dev.handshake.example.auth.login.Login;
import dev.handshake.example.auth.store.Counters;
import dev.handshake.example.auth.store.DeadLetter;
import dev.handshake.example.auth.store.DeadLetterStore;
import dev.handshake.example.auth.store.UserCopy;
import dev.handshake.example.auth.store.UserStore;
import dev.handshake.example.auth.sync.Reconciler;
import dev.handshake.example.auth.login.LoginThrottle;
import dev.handshake.example.support.AdminToken;
import dev.handshake.example.support.ApiException;
import dev.handshake.example.support.InternalFailure;
import dev.handshake.example.support.StorableText;
import dev.handshake.example.support.JsonHttpServer;
import dev.handshake.example.support.JsonRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/** auth-service's HTTP API: thin adapters over the login, the store, dead-letter replay and reconciliation. */
final class AuthRoutes {
  static final int MAX_LIMIT = 1_000;
  /** The one answer to every failed login, so it never tells an unknown email from a wrong password. */
  static final String LOGIN_REFUSED = "invalid email or password";
  /** Fewer characters are guessed too fast even through the login throttle. */
  static final int MIN_PASSWORD_CHARACTERS = 8;
  /** In bytes of UTF-8, as every limit here; PBKDF2 hashes a longer one as fast, but there is no need for it. */
  static final int MAX_PASSWORD_BYTES = 1024;
  static final int MAX_ID_BYTES = 64;

  private final DataSource dataSource;
  private final Login login;
  private final DeadLetterReplay replay;
  private final Optional<Reconciler> reconciler;
  private final EventSource events;
  private final AdminToken adminToken;
  private final LoginThrottle throttle;

  AuthRoutes(DataSource dataSource, Login login, DeadLetterReplay replay, Optional<Reconciler> reconciler,
      EventSource events, AdminToken adminToken, LoginThrottle throttle) {
    this.adminToken = adminToken;
    this.throttle = throttle;
    this.dataSource = dataSource;
    this.login = login;
    this.replay = replay;
    this.reconciler = reconciler;
    this.events = events;
  }

  void addTo(RoutesConfig routes) {
    routes.exception(TransientFailureException.class, (e, ctx) -> JsonHttpServer.respond(ctx, 503,
        Map.of("error", "try again later: " + InternalFailure.logged(e, ctx.method() + " " + ctx.path()).message())));
    routes.exception(LoginThrottle.RefusedException.class, (e, ctx) -> {
      ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
      JsonHttpServer.respond(ctx, 429, Map.of("error", e.getMessage()));
    });
    routes.put("/credentials/{userId}", this::setPassword);
    routes.post("/login", ctx -> {
      JsonRequest request = JsonRequest.of(ctx);
      // Read as sent: whatever is wrong with them (unknown, NUL, too long), the answer is the same 401.
      String email = request.requiredAnyText("email");
      char[] password = request.requiredAnyText("password").toCharArray();
      AtomicReference<String> userId = new AtomicReference<>();
      boolean succeeded = throttle.attempt("email:" + email, () -> {
        login.logIn(email, password).ifPresent(userId::set);
        return userId.get() != null;
      });
      if (succeeded) {
        JsonHttpServer.respond(ctx, 200, Map.of("userId", userId.get()));
      } else {
        refuseLogin(ctx);
      }
    });
    // Every /admin/* path needs the admin token, and so does reading the users auth holds.
    routes.before("/admin/*", adminToken::require);
    routes.get("/users/{id}", adminToken.guard(this::user));
    routes.get("/users", adminToken.guard(this::users));
    routes.get("/admin/stats", this::stats);
    routes.get("/admin/dlq", this::deadLetters);
    routes.post("/admin/dlq/replay", ctx -> {
      DeadLetterReplay.Result result = replay.replayAll();
      JsonHttpServer.respond(ctx, 200, result);
    });
    routes.post("/admin/reconcile", ctx -> {
      boolean dryRun = JsonRequest.queryBoolean(ctx, "dryRun", false);
      Reconciler configured = reconciler.orElseThrow(() -> new ApiException(409, "USER_SERVICE_URL",
          "reconciliation needs user-service's snapshot: start auth-service with USER_SERVICE_URL set"));
      JsonHttpServer.respond(ctx, 200, configured.reconcile(dryRun));
    });
  }

  /**
   * {@code PUT /credentials/{userId}}: with the admin token, provisioning (any password for a live user); else with
   * {@code currentPassword}, the user's own change. Anything else is refused exactly as a failed login is.
   */
  private void setPassword(Context ctx) throws Exception {
    boolean admin = adminToken.presentIn(ctx);
    JsonRequest request = JsonRequest.of(ctx);
    Optional<String> current = request.optionalAnyText("currentPassword");
    if (!admin && current.isEmpty()) {
      refuseLogin(ctx);
      return;
    }
    String userId = ctx.pathParam("userId");
    char[] password = password(request);
    if (admin) {
      if (!StorableText.storable(userId) || !login.setPassword(userId, password)) {
        throw ApiException.notFound("userId", "auth-service knows no live user " + userId);
      }
      ctx.status(204);
      return;
    }
    char[] currentPassword = current.get().toCharArray();
    if (throttle.attempt("user:" + userId, () -> login.changePassword(userId, currentPassword, password))) {
      ctx.status(204);
    } else {
      refuseLogin(ctx);
    }
  }

  private static char[] password(JsonRequest request) {
    String password = request.requiredText("password", MAX_PASSWORD_BYTES);
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARACTERS) {
      throw ApiException.badRequest("password", "\"password\" must have at least " + MIN_PASSWORD_CHARACTERS
          + " characters");
    }
    return password.toCharArray();
  }

  private static void refuseLogin(Context ctx) {
    JsonHttpServer.respond(ctx, 401, Map.of("error", LOGIN_REFUSED));
  }

  private void user(Context ctx) throws Exception {
    String id = JsonRequest.pathText(ctx, "id", MAX_ID_BYTES);
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
      String after = ctx.queryParam("after");
      if (after != null) {
        JsonRequest.storable("after", after, MAX_ID_BYTES);
      }
      for (UserCopy user : UserStore.page(connection, after, limit)) {
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
          .put("error", "auth-service's database is unreachable: "
              + InternalFailure.logged(e, ctx.method() + " " + ctx.path()).message())
          .put("transientFailures", events.transientFailures())
          .setAll(lag()));
      return;
    }
    ObjectNode body = JsonHttpServer.MAPPER.createObjectNode();
    for (String name : new String[] {"applied", "duplicates", "stale", "deadLettered"}) {
      body.put(name, counters.getOrDefault(name, 0L));
    }
    body.setAll(lag());
    body.put("transientFailures", events.transientFailures());
    body.put("fencedBatches", events.fencedBatches());
    JsonHttpServer.respond(ctx, 200, body);
  }

  /**
   * {@code "lag"}: the events not applied yet and {@code "lagByPartition"}; or, while auth cannot know (no
   * partitions yet, nothing fetched yet), {@code "lag": null} and {@code "lagUnknown"} saying why: never 0.
   */
  private ObjectNode lag() {
    ConsumerLag lag = events.consumerLag();
    ObjectNode fields = JsonHttpServer.MAPPER.createObjectNode();
    if (lag.unknownBecause().isPresent()) {
      return fields.putNull("lag").put("lagUnknown", lag.unknownBecause().get());
    }
    fields.put("lag", lag.events().getAsLong());
    ObjectNode byPartition = fields.putObject("lagByPartition");
    lag.byPartition().forEach((partition, events) -> byPartition.put(partition.toString(), events));
    return fields;
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
