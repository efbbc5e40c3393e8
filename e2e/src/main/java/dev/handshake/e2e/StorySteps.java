package dev.handshake.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.testsupport.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The story's steps, shared by demo/story.sh ({@link StoryMain}) and the scenario tests (StoryIT), in order: each
 * builds on the ones before it. A step checks what it expects and returns its progress line; anything else throws
 * an {@link AssertionError} saying what it saw.
 */
public final class StorySteps {
  private final StoryStack stack;
  private final Path userEventSchemas;
  private final Path shippedReaders;
  private static final String SUBJECT_PREFIX = "dev.handshake.example.user.";
  private static final String V1_TOPIC = "user-events";
  private static final String V2_TOPIC = "user-events.v2";
  private static final String SHIPPED_SYMBOLS = "\"symbols\": [\"ACTIVE\", \"SUSPENDED\"]";

  private final Path root;
  private final Path releaseSchemas;
  private final Path fixedReaders;
  private final Path environments;
  private final HandshakeCommand handshake;
  private final UserServiceApi users;

  /**
   * {@code root}: the repository (user-service's schemas/user-events, auth's example-auth/src/main/avro, contracts/
   * and the CLI's jar); {@code workDir}: where the bad release's schemas, the fixed readers and the environments
   * the story records are written.
   */
  public StorySteps(StoryStack stack, Path root, Path workDir) {
    this.stack = stack;
    this.root = root;
    this.userEventSchemas = root.resolve("schemas/user-events");
    this.shippedReaders = root.resolve("example-auth/src/main/avro");
    this.releaseSchemas = workDir.resolve("release-schemas");
    this.fixedReaders = workDir.resolve("fixed-readers");
    this.environments = workDir.resolve("environments");
    this.handshake = new HandshakeCommand(root, workDir.resolve("logs/handshake-command.log"));
    this.users = new UserServiceApi(stack.userService());
  }

  public UserServiceApi users() {
    return users;
  }

  private ServiceClient auth() {
    return stack.authService();
  }

  public String usersCreatedUpdatedAndDeletedReachAuth() throws Exception {
    String ada = users.create("ada@example.com", "Ada");
    String bob = users.create("bob@example.com", "Bob");
    String cy = users.create("cy@example.com", "Cy");
    users.update(bob, "{\"status\":\"SUSPENDED\",\"email\":\"bob@example.org\"}");
    users.delete(cy);
    awaitEqual("auth holds ada and bob as user-service does", auth());
    check(auth().get("/users/" + bob).path("email").asText().equals("bob@example.org"), "bob's new email at auth");
    check(auth().get("/users/" + cy).path("deleted").asBoolean(), "auth should hold cy as deleted");
    check(auth().get("/users/" + ada).path("version").asLong() == 1, "ada at version 1 at auth");
    return "users created (ada, bob, cy), bob updated, cy deleted: auth-service holds what user-service holds";
  }

  public String aDeletedUserIsRefusedAtLogin() throws Exception {
    String dan = users.create("dan@example.com", "Dan");
    Await.until("auth knows dan", () -> auth().send("GET", "/users/" + dan, null).status() == 200);
    int takeover = auth().withoutAdminToken().send("PUT", "/credentials/" + dan, "{\"password\":\"attacker pw\"}")
        .status();
    check(takeover == 401, "a password set without the admin token answered " + takeover);
    auth().expect(204, "PUT", "/credentials/" + dan, "{\"password\":\"correct horse\"}");
    String login = "{\"email\":\"dan@example.com\",\"password\":\"correct horse\"}";
    check(auth().expect(200, "POST", "/login", login).path("userId").asText().equals(dan), "dan logs in as dan");
    users.delete(dan);
    Await.until("auth has dan's deletion", () -> auth().get("/users/" + dan).path("deleted").asBoolean());
    int refused = auth().send("POST", "/login", login).status();
    check(refused == 401, "deleted dan could still log in: " + refused);
    return "dan's password refused without the admin token (401), set with it; dan logged in, was deleted at "
        + "user-service, and is refused at login (401)";
  }

  public String authStoppedWhileUsersChangeCatchesUp() throws Exception {
    stack.stopAuthService();
    for (int i = 0; i < 20; i++) {
      String id = users.create("offline" + i + "@example.com", "Offline " + i);
      if (i % 3 == 0) {
        users.update(id, "{\"status\":\"SUSPENDED\"}");
      }
    }
    stack.startAuthService(Map.of());
    awaitEqual("auth caught up after its restart", auth());
    return "auth-service stopped while 20 users were created (7 also suspended), restarted, caught up";
  }

  /**
   * The bad release is user-service itself with demo/enum-symbol-change.patch's schemas: registered first (as a
   * deploy does; the relay never auto-registers), then the same jar restarted on them ({@code EVENT_SCHEMAS_DIR}).
   */
  public String aBadReleasesEventsAreDeadLetteredWhileOthersKeepFlowing() throws Exception {
    String ada = users.idOf("ada@example.com");
    long deadBefore = auth().get("/admin/stats").path("deadLettered").asLong();
    writeReleaseSchemas();
    RestSchemaRegistry registry = RestSchemaRegistry.of(stack.registryUrl());
    List<Integer> schemaIds = new ArrayList<>();
    for (String type : List.of("UserCreated", "UserUpdated")) {
      String subject = SUBJECT_PREFIX + type;
      CompatibilityLevel level = registry.subjectCompatibility(subject).orElse(registry.globalCompatibility());
      check(level == CompatibilityLevel.BACKWARD, subject + " should be at BACKWARD, is at " + level);
      // register throws when the registry refuses the schema: it must accept UserStatus with LOCKED.
      schemaIds.add(registry.register(subject, RegistrySchema.of(Files.readString(releaseSchemas.resolve(type + ".avsc")))));
    }
    stack.stopUserService();
    stack.startUserService(Map.of("EVENT_SCHEMAS_DIR", releaseSchemas.toString()));
    users.update(ada, "{\"status\":\"LOCKED\"}");
    check(users.api().get("/users/" + ada).path("status").asText().equals("LOCKED"), "ada LOCKED at user-service");
    String eve = users.create("eve@example.com", "Eve");
    String gone = users.idOf("offline1@example.com");
    users.delete(gone);
    // auth's deserializer checks that its reader resolves the writer schema, and UserStatus without a default
    // cannot resolve one with LOCKED: every UserCreated/UserUpdated of the release is dead-lettered, not just
    // LOCKED users'; UserDeleted did not change, so deletions keep flowing behind the dead letters.
    Await.until("ada's and eve's events dead-lettered, the deletion applied", () ->
        auth().get("/admin/stats").path("deadLettered").asLong() == deadBefore + 2
            && auth().get("/users/" + gone).path("deleted").asBoolean());
    check(auth().get("/users/" + ada).path("status").asText().equals("ACTIVE"), "ada should still be ACTIVE at auth");
    check(auth().send("GET", "/users/" + eve, null).status() == 404, "eve should not be at auth yet");
    JsonNode letters = auth().get("/admin/dlq");
    check(letters.path("count").asLong() == 2, "two dead letters: " + letters);
    Set<String> keys = new HashSet<>();
    letters.path("records").forEach(letter -> keys.add(letter.path("key").asText()));
    check(keys.equals(Set.of(ada, eve)), "the dead letters are ada's and eve's: " + letters);
    return "bad release: the registry (BACKWARD) accepted UserStatus+LOCKED (schema ids " + schemaIds
        + "), user-service restarted on it, locked ada and created eve: both events went to the dead-letter topic"
        + " (auth cannot resolve the new schemas); a deletion kept flowing";
  }

  public String authWithAFixedReaderReplaysTheDeadLetters() throws Exception {
    writeFixedReaders();
    stack.stopAuthService();
    stack.startAuthService(Map.of("READER_SCHEMAS_DIR", fixedReaders.toString()));
    JsonNode replay = auth().expect(200, "POST", "/admin/dlq/replay", null);
    check(replay.path("replayed").asInt() == 2 && replay.path("stillFailing").asInt() == 0,
        "the replay should apply the 2 dead letters: " + replay);
    String ada = users.idOf("ada@example.com");
    check(auth().get("/users/" + ada).path("status").asText().equals("SUSPENDED"),
        "ada's LOCKED should read as the fixed reader's default, SUSPENDED");
    check(auth().get("/users/" + users.idOf("eve@example.com")).path("status").asText().equals("ACTIVE"),
        "eve should be at auth, ACTIVE");
    check(auth().get("/admin/dlq").path("count").asLong() == 0, "no dead letter left");
    // The release is rolled back: no user may keep a symbol the old schemas lack, then the old schemas again.
    users.update(ada, "{\"status\":\"ACTIVE\"}");
    stack.stopUserService();
    stack.startUserService(Map.of());
    users.update(ada, "{\"name\":\"Ada L.\"}");
    users.update(ada, "{\"name\":\"Ada\"}");
    awaitEqual("auth equals user-service after the rollback", auth());
    return "auth fixed (its UserStatus reader got a default), dead letters replayed (" + replay
        + "); ada unlocked, release rolled back, equal again";
  }

  public String reconciliationRepairsAuthWhileTheRelayIsPaused() throws Exception {
    long staleBefore = auth().get("/admin/stats").path("stale").asLong();
    stack.userService().expect(200, "POST", "/admin/relay/pause", null);
    JsonNode repair;
    try {
      String fay = users.create("fay@example.com", "Fay");
      users.update(fay, "{\"status\":\"SUSPENDED\"}");
      users.delete(users.idOf("bob@example.org"));
      check(auth().send("GET", "/users/" + fay, null).status() == 404, "the relay should be paused");
      repair = auth().expect(200, "POST", "/admin/reconcile", null);
      check(repair.path("repaired").asLong() == 2, "fay added and bob deleted: " + repair);
      checkEqual("auth after reconciliation");
    } finally {
      stack.userService().expect(200, "POST", "/admin/relay/resume", null);
    }
    Await.until("the 3 paused events arrive, stale", () ->
        auth().get("/admin/stats").path("stale").asLong() == staleBefore + 3);
    checkEqual("auth after the late events");
    return "relay paused (publisher broken), 3 changes missed; reconcile repaired auth (" + repair
        + "); the late events were stale and changed nothing";
  }

  public String aNewAuthInstanceBootstrappedFromTheSnapshotEndsEqual() throws Exception {
    // The new instance runs the fixed reader too: it reads the topic after the snapshot, the LOCKED event included.
    try (ServiceJar second = stack.startAuthInstance("auth_bootstrapped", Map.of("BOOTSTRAP", "snapshot",
        "READER_SCHEMAS_DIR", fixedReaders.toString()))) {
      check(second.output().contains("bootstrapped from user-service's snapshot at position"),
          "the second instance should bootstrap from the snapshot: " + second.output());
      String gil = users.create("gil@example.com", "Gil");
      awaitEqual("the bootstrapped instance equals user-service, gil included", second.client());
      check(second.client().get("/users/" + gil).path("version").asLong() == 1, "gil at version 1");
      return "a new auth instance bootstrapped from user-service's snapshot, then followed the topic: equal";
    }
  }

  /**
   * user-service watches its consumers (GET /admin/consumers): while auth-service is stopped and users change, the
   * watch flags auth's group as behind (one event more than the threshold it reports); after auth's catch-up, its
   * committed offsets (the hint auth commits after its database commit) reach the end and the flag clears.
   */
  public String theConsumerWatchFlagsAuthWhileItIsStoppedAndClearsAfterItsCatchUp() throws Exception {
    ServiceClient userService = stack.userService();
    long threshold = userService.get("/admin/consumers").path("thresholds").path("events").asLong();
    stack.stopAuthService();
    for (long i = 0; i <= threshold; i++) {
      users.create("watched" + i + "@example.com", "Watched " + i);
    }
    JsonNode[] flagged = new JsonNode[1];
    Await.until("the watch flags auth-service's group as behind", () -> {
      flagged[0] = authGroup(userService.get("/admin/consumers"));
      return flagged[0] != null && flagged[0].path("behind").asBoolean();
    });
    stack.startAuthService(Map.of());
    awaitEqual("auth caught up after its restart", auth());
    Await.until("the watch clears auth-service's flag", () -> {
      JsonNode group = authGroup(userService.get("/admin/consumers"));
      return group != null && !group.path("behind").asBoolean() && group.path("lag").asLong() == 0;
    });
    return "auth-service stopped while " + (threshold + 1) + " users were created: GET /admin/consumers flagged group "
        + "auth-service behind on " + flagged[0].path("topic").asText() + " (" + flagged[0].path("reasons").get(0).asText()
        + "); auth restarted, caught up, and the flag cleared (lag 0)";
  }

  /** auth-service's group (its default CONSUMER_GROUP) in a consumer watch report, or null when it is not there. */
  private static JsonNode authGroup(JsonNode report) {
    for (JsonNode group : report.path("groups")) {
      if (group.path("group").asText().equals("auth-service")) {
        return group;
      }
    }
    return null;
  }

  /**
   * A change v1's readers cannot take, done side by side (docs/breaking-changes.md): user-service publishes v2 beside
   * v1, each event with the same id and position on both topics; auth-service moves to v2 while users change and
   * applies nothing twice (its duplicate count does not move: the switch skips by position, not by deduplication);
   * can-i-retire says no while prod records the auth-service that reads v1 and yes once the new one replaces it;
   * user-service then publishes v2 only, and auth stays equal.
   */
  public String aBreakingChangeGoesOutSideBySideAndTheOldVersionRetires() throws Exception {
    String kafka = stack.kafkaBootstrapServers();
    Await.until("user-events and user-events.v2 hold the same events at the same positions", () ->
        PublishedEvents.positionsById(kafka, V1_TOPIC).equals(PublishedEvents.positionsById(kafka, V2_TOPIC)));
    int published = PublishedEvents.positionsById(kafka, V2_TOPIC).size();

    recordAuthService("0.1.0", "contracts/released/auth-service-0.1.0-user-service.json");
    HandshakeCommand.Result stillRead = canIRetireV1();
    check(stillRead.exitCode() == 1 && stillRead.output().contains("auth-service 0.1.0"),
        "can-i-retire should say no, naming auth-service 0.1.0, while prod records it: " + stillRead);

    long duplicatesBefore = auth().get("/admin/stats").path("duplicates").asLong();
    int changes;
    try (UserChurn churn = UserChurn.start(users, "moving")) {
      churn.awaitChanges(5);
      stack.stopAuthService();
      churn.awaitChanges(churn.changes() + 5);
      stack.startAuthService(Map.of("USER_EVENTS_TOPIC", V2_TOPIC));
      churn.awaitChanges(churn.changes() + 5);
      changes = churn.stop();
    }
    awaitEqual("auth on user-events.v2 equals user-service", auth());
    long duplicates = auth().get("/admin/stats").path("duplicates").asLong() - duplicatesBefore;
    check(duplicates == 0, "auth applied " + duplicates + " event(s) twice across the move to v2");
    String ivy = users.create("ivy@example.com", "Ivy Lin");
    users.update(ivy, "{\"status\":\"LOCKED\"}");
    Await.until("auth holds ivy as LOCKED, a status only v2 carries", () -> {
      ServiceClient.Answer answer = auth().send("GET", "/users/" + ivy, null);
      return answer.status() == 200 && answer.body().path("status").asText().equals("LOCKED");
    });

    recordAuthService("0.2.0", "contracts/auth-service-user-service.json");
    HandshakeCommand.Result retire = canIRetireV1();
    check(retire.exitCode() == 0, "can-i-retire should say yes once prod records auth-service 0.2.0: " + retire);

    int v1Events = PublishedEvents.positionsById(kafka, V1_TOPIC).size();
    stack.stopUserService();
    stack.startUserService(Map.of("PUBLISHED_VERSIONS", "v2"));
    String jo = users.create("jo@example.com", "Jo Park");
    Await.until("auth holds jo", () -> auth().send("GET", "/users/" + jo, null).status() == 200);
    awaitEqual("auth equals user-service with v2 only", auth());
    check(PublishedEvents.positionsById(kafka, V1_TOPIC).size() == v1Events, "user-events should get nothing more");
    return "v2 beside v1: " + published + " events on user-events and user-events.v2, same ids and positions; "
        + "can-i-retire user-events: no (prod runs auth-service 0.1.0); auth moved to v2 while " + changes
        + " changes were made, none applied twice, LOCKED reaches it; prod records auth-service 0.2.0: can-i-retire "
        + "yes; user-service publishes v2 only, auth equal";
  }

  private void recordAuthService(String version, String contracts) throws Exception {
    HandshakeCommand.Result recorded = handshake.run("record-deployment", "--env", "prod", "--service",
        "auth-service", "--version", version, "--contracts", contracts, "--environments-dir", environments.toString());
    check(recorded.exitCode() == 0, "record-deployment of auth-service " + version + " failed: " + recorded);
  }

  private HandshakeCommand.Result canIRetireV1() throws Exception {
    return handshake.run("can-i-retire", "--producer", "user-service", "--topic", V1_TOPIC, "--from", "prod",
        "--environments-dir", environments.toString());
  }

  /** user-service's schemas as demo/enum-symbol-change.patch changes them: UserStatus gains LOCKED. */
  private void writeReleaseSchemas() throws Exception {
    Files.createDirectories(releaseSchemas);
    for (String type : List.of("UserCreated", "UserUpdated", "UserDeleted")) {
      String text = Files.readString(userEventSchemas.resolve(type + ".avsc"));
      String released = text.replace(SHIPPED_SYMBOLS, "\"symbols\": [\"ACTIVE\", \"SUSPENDED\", \"LOCKED\"]");
      check(type.equals("UserDeleted") || !released.equals(text), userEventSchemas.resolve(type + ".avsc")
          + " no longer declares UserStatus as " + SHIPPED_SYMBOLS + "; update the story with demo/enum-symbol-change.patch");
      Files.writeString(releaseSchemas.resolve(type + ".avsc"), released);
    }
  }

  /** auth's shipped reader schemas with a default on UserStatus: the fix for the bad release. */
  private void writeFixedReaders() throws Exception {
    Files.createDirectories(fixedReaders);
    for (String type : List.of("UserCreated", "UserUpdated", "UserDeleted")) {
      String text = Files.readString(shippedReaders.resolve(type + ".avsc"));
      if (type.equals("UserCreated")) {
        String fixedText = text.replace(SHIPPED_SYMBOLS, SHIPPED_SYMBOLS + ", \"default\": \"SUSPENDED\"");
        check(!fixedText.equals(text), "could not give auth's UserStatus a default in " + shippedReaders);
        text = fixedText;
      }
      Files.writeString(fixedReaders.resolve(type + ".avsc"), text);
    }
  }

  /** Waits until {@code auth}'s users equal user-service's snapshot; fails with the differences otherwise. */
  public void awaitEqual(String what, ServiceClient auth) throws Exception {
    try {
      Await.until(what, () -> UserTables.auth(auth).equals(UserTables.userService(stack.userService())));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + UserTables.differences(
          UserTables.userService(stack.userService()), UserTables.auth(auth)), e);
    }
  }

  private void checkEqual(String what) throws Exception {
    Map<String, String> expected = UserTables.userService(stack.userService());
    Map<String, String> actual = UserTables.auth(auth());
    check(expected.equals(actual), what + " should equal user-service: " + UserTables.differences(expected, actual));
  }

  static void check(boolean condition, String expectation) {
    if (!condition) {
      throw new AssertionError(expectation);
    }
  }
}
