package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.registry.RegistryServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** register, check, download and set-compatibility against a real embedded registry, and registry serve. */
class RegistryCommandsTest {
  private static final String V1 = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final String V2_OPTIONAL = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";
  private static final String V3_REQUIRED = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"},\n  {\"name\":\"email\",\"type\":\"string\"}]}";

  @TempDir
  Path dir;
  private RegistryServer server;

  @BeforeEach
  void start() throws Exception {
    server = RegistryServer.start(RegistryServer.Options.of(dir.resolve("data"), 0));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  record Result(int exitCode, String out, String err) {
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HandshakeCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private String write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void registerPrintsTheIdAndKeepsItForAnIdenticalSchema() throws Exception {
    Result first = run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    Result again = run("register", "--registry", server.url(), "--subject", "users", write("v1-again.avsc", V1));

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out().trim()).matches("\\d+");
    assertThat(again.out().trim()).isEqualTo(first.out().trim());
  }

  @Test
  void registerOfAnIncompatibleSchemaExitsOneWithTheFindings() throws Exception {
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    Result refused = run("register", "--registry", server.url(), "--subject", "users", write("v3.avsc", V3_REQUIRED));

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("nothing was registered", "incompatible", server.url());
    assertThat(refused.out()).contains("[FIELD_ADDED_WITHOUT_DEFAULT]").contains("v3.avsc:2:")
        .contains("INCOMPATIBLE");
    // checked first, as handshake:register does: each finding once, and the subject still has only v1
    assertThat(refused.out().lines().filter(line -> line.contains("v3.avsc:2:"))).hasSize(1);
    assertThat(run("download", "--registry", server.url(), "--all-versions", "--output",
        dir.resolve("registered").toString()).exitCode()).isZero();
    assertThat(dir.resolve("registered/history/users/v1.avsc")).exists();
    assertThat(dir.resolve("registered/history/users/v2.avsc")).doesNotExist();
  }

  @Test
  void aNewEnumFieldWithoutADefaultIsReportedAsAFieldAddedWithoutDefaultEverywhere() throws Exception {
    String withStatus = V1.replace("\"type\":\"string\"}]", "\"type\":\"string\"},{\"name\":\"status\",\"type\":"
        + "{\"type\":\"enum\",\"name\":\"Status\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}}]");
    run("register", "--registry", server.url(), "--subject", "users", write("e1.avsc", V1));

    Result check = run("check", "--registry", server.url(), "--subject", "users", write("e2.avsc", withStatus));
    Result register = run("register", "--registry", server.url(), "--subject", "users", dir.resolve("e2.avsc")
        .toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("[FIELD_ADDED_WITHOUT_DEFAULT] Field \"status\"").doesNotContain("TYPE_CHANGED");
    assertThat(register.exitCode()).isEqualTo(1);
    // register checks first, with the same engine and the registry's own verdict, as check does
    assertThat(register.out()).contains("[FIELD_ADDED_WITHOUT_DEFAULT]").doesNotContain("TYPE_CHANGED");
  }

  @Test
  void checkExitCodesFollowTheVerdict() throws Exception {
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));

    Result ok = run("check", "--registry", server.url(), "--subject", "users", write("v2.avsc", V2_OPTIONAL));
    Result broken = run("check", "--registry", server.url(), "--subject", "users", write("v3.avsc", V3_REQUIRED));
    Result newSubject = run("check", "--registry", server.url(), "--subject", "nobody", dir.resolve("v3.avsc").toString());

    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("compatible:").contains("BACKWARD");
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.out()).contains("v3.avsc:2:").contains("[FIELD_ADDED_WITHOUT_DEFAULT]").contains("Fix:");
    assertThat(newSubject.exitCode()).isZero();
    assertThat(newSubject.out()).contains("has no versions").contains("first version");
  }

  @Test
  void checkFailsWhenTheRegistryWouldRefuseAndNamesTheLevelEachSideUsed() throws Exception {
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));

    // Handshake's engine under NONE accepts anything; the registry enforces its global BACKWARD and would refuse.
    Result loosened = run("check", "--registry", server.url(), "--subject", "users", "--level", "none",
        write("v3.avsc", V3_REQUIRED));
    Result refused = run("register", "--registry", server.url(), "--subject", "users", dir.resolve("v3.avsc")
        .toString());

    assertThat(loosened.exitCode()).as(loosened.out() + loosened.err()).isEqualTo(1);
    assertThat(loosened.out()).contains("DISAGREEMENT")
        .contains("under NONE (level given explicitly)")
        .contains("under BACKWARD (the registry's global level)")
        .contains("registry: [FIELD_ADDED_WITHOUT_DEFAULT]")
        .contains("INCOMPATIBLE");
    assertThat(refused.exitCode()).isEqualTo(1);
  }

  @Test
  void checkAsksTheRegistryAboutEveryVersionUnderATransitiveLevel() throws Exception {
    run("set-compatibility", "--registry", server.url(), "--global", "BACKWARD_TRANSITIVE");
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    run("register", "--registry", server.url(), "--subject", "users", write("v2.avsc", V2_OPTIONAL));

    // Against the latest version alone (BACKWARD) the candidate passes; version 1 has no "email" to read.
    Result latestOnly = run("check", "--registry", server.url(), "--subject", "users", "--level", "BACKWARD",
        write("v3.avsc", V3_REQUIRED));

    assertThat(latestOnly.exitCode()).as(latestOnly.out() + latestOnly.err()).isEqualTo(1);
    assertThat(latestOnly.out()).contains("asked about versions 1, 2").contains("registry: against version 1:")
        .contains("under BACKWARD_TRANSITIVE (the registry's global level)").contains("DISAGREEMENT");
  }

  @Test
  void findingsInARegisteredVersionNameTheSubjectAndVersionOrTheLocalHistoryFile() throws Exception {
    run("set-compatibility", "--registry", server.url(), "--global", "FORWARD");
    run("register", "--registry", server.url(), "--subject", "users", write("v3.avsc", V3_REQUIRED));
    Path schemas = dir.resolve("schemas");
    run("download", "--registry", server.url(), "--all-versions", "--output", schemas.toString());

    // FORWARD: the registered version reads the candidate's data, so the finding sits in the registered version.
    Result remote = run("check", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    Result local = run("check", "--registry", server.url(), "--subject", "users", "--schemas-dir",
        schemas.toString(), dir.resolve("v1.avsc").toString());

    assertThat(remote.exitCode()).isEqualTo(1);
    assertThat(remote.out()).contains("subject \"users\" version 1 (" + server.url() + "/subjects/users/versions/1) "
        + "at /fields/1: [FIELD_REMOVED_WITHOUT_DEFAULT]").doesNotContain("versions/1:1:");
    assertThat(local.exitCode()).isEqualTo(1);
    assertThat(local.out()).contains(schemas.resolve("history/users/v1.avsc") + ":").contains("[FIELD_REMOVED_WITHOUT_DEFAULT]")
        .doesNotContain("subject \"users\" version 1 (");
  }

  @Test
  void checkWritesJson() throws Exception {
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    Result result = run("check", "--registry", server.url(), "--subject", "users", "--format", "json",
        write("v3.avsc", V3_REQUIRED));

    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.path("compatible").asBoolean()).isFalse();
    assertThat(json.path("subject").asText()).isEqualTo("users");
    assertThat(json.path("versions").get(0).asInt()).isEqualTo(1);
    assertThat(json.path("findings").get(0).path("rule").asText()).isEqualTo("FIELD_ADDED_WITHOUT_DEFAULT");
  }

  @Test
  void setCompatibilityChangesWhatCheckApplies() throws Exception {
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    Result set = run("set-compatibility", "--registry", server.url(), "--subject", "users", "full_transitive");
    Result check = run("check", "--registry", server.url(), "--subject", "users", write("v2.avsc", V2_OPTIONAL));
    Result global = run("set-compatibility", "--registry", server.url(), "--global", "FORWARD");
    Result reset = run("set-compatibility", "--registry", server.url(), "--subject", "users", "DEFAULT");
    Result bad = run("set-compatibility", "--registry", server.url(), "--global", "SIDEWAYS");

    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(check.out()).contains("FULL_TRANSITIVE").contains("the subject's level");
    assertThat(global.exitCode()).isZero();
    assertThat(reset.out()).contains("FORWARD");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("SIDEWAYS");
  }

  @Test
  void downloadedHistoryIsWhatTheOfflineCheckReads() throws Exception {
    run("set-compatibility", "--registry", server.url(), "--global", "NONE");
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    run("register", "--registry", server.url(), "--subject", "users", write("v3.avsc", V3_REQUIRED));
    Path schemas = dir.resolve("schemas");

    Result latest = run("download", "--registry", server.url(), "--subject", "users", "--output", schemas.toString());
    Result history = run("download", "--registry", server.url(), "--all-versions", "--output", schemas.toString());
    Result offline = run("check", "--schemas-dir", schemas.toString(), "--subject", "users", "--level",
        "BACKWARD_TRANSITIVE", write("v2.avsc", V2_OPTIONAL));

    assertThat(latest.exitCode()).as(latest.err()).isZero();
    assertThat(Files.readString(schemas.resolve("users.avsc"))).contains("\"email\"");
    assertThat(history.out()).contains("v1.avsc").contains("v2.avsc");
    assertThat(schemas.resolve("history/users/v1.avsc")).exists();
    assertThat(schemas.resolve("history/users/v2.avsc")).exists();
    assertThat(offline.exitCode()).as(offline.out() + offline.err()).isZero();
    assertThat(offline.out()).contains("compared with 2 of 2 versions");
  }

  @Test
  void aDownloadedHistoryKeepsTheLevelsSoTheOfflineCheckGivesTheRegistrysVerdict() throws Exception {
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    run("register", "--registry", server.url(), "--subject", "users", write("v2.avsc", V2_OPTIONAL));
    run("register", "--registry", server.url(), "--subject", "orders/v1-value", dir.resolve("v1.avsc").toString());
    run("set-compatibility", "--registry", server.url(), "--subject", "users", "FULL_TRANSITIVE");
    run("set-compatibility", "--registry", server.url(), "--global", "FORWARD");
    Path schemas = dir.resolve("schemas");
    Files.createDirectories(schemas);
    // a stale entry for a subject that has no level of its own any more, and another subject's, kept
    Files.writeString(schemas.resolve("compatibility.properties"), "orders/v1-value=NONE\nelsewhere=FULL\n");

    Result download = run("download", "--registry", server.url(), "--all-versions", "--output", schemas.toString());

    assertThat(download.exitCode()).as(download.err()).isZero();
    assertThat(download.out()).contains("compatibility.properties");
    assertThat(Files.readString(schemas.resolve("compatibility.properties")).lines().filter(l -> !l.startsWith("#")))
        .containsExactly("default=FORWARD", "elsewhere=FULL", "users=FULL_TRANSITIVE");
    String idOnlyWithNickname = V1.replace("}]}", "},{\"name\":\"nickname\",\"type\":\"string\",\"default\":\"\"}]}");
    String emailWithoutId = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":["
        + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";
    List<String> candidates = List.of(write("c-optional.avsc", V2_OPTIONAL), write("c-required.avsc", V3_REQUIRED),
        write("c-no-id.avsc", emailWithoutId), write("c-nickname.avsc", idOnlyWithNickname));
    List<Integer> verdicts = new ArrayList<>();
    for (String subject : List.of("users", "orders/v1-value")) {
      for (String candidate : candidates) {
        Result registry = run("check", "--registry", server.url(), "--subject", subject, candidate);
        Result offline = run("check", "--schemas-dir", schemas.toString(), "--subject", subject, candidate);
        assertThat(offline.exitCode()).as(subject + " " + candidate + "\nregistry: " + registry.out()
            + registry.err() + "\noffline: " + offline.out() + offline.err()).isEqualTo(registry.exitCode());
        assertThat(offline.out()).contains(subject.equals("users") ? "FULL_TRANSITIVE" : "FORWARD");
        verdicts.add(registry.exitCode());
      }
    }
    // both verdicts occur, and each subject's level decides one of them differently from BACKWARD's
    assertThat(verdicts).containsExactly(0, 1, 1, 0, 0, 0, 1, 0);
  }

  @Test
  void downloadEncodesSubjectsWithSlashesAndReportsWhatItSkipped() throws Exception {
    run("register", "--registry", server.url(), "--subject", "orders/v1-value", write("v1.avsc", V1));
    run("register", "--registry", server.url(), "--subject", "users", dir.resolve("v1.avsc").toString());
    Path schemas = dir.resolve("schemas");

    Result all = run("download", "--registry", server.url(), "--all-versions", "--output", schemas.toString());
    Result some = run("download", "--registry", server.url(), "--subject", "nobody", "--subject", "users",
        "--output", dir.resolve("some").toString());
    Result offline = run("check", "--schemas-dir", schemas.toString(), "--subject", "orders/v1-value",
        write("v3.avsc", V3_REQUIRED));

    assertThat(all.exitCode()).as(all.err()).isZero();
    // Confluent's plugin encoding: URL-encoded, '%' written as "_x".
    assertThat(schemas.resolve("history/orders_x2Fv1-value/v1.avsc")).isRegularFile();
    assertThat(schemas.resolve("history/users/v1.avsc")).isRegularFile();
    assertThat(some.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("some/users.avsc")).isRegularFile();
    assertThat(some.err()).contains("skipped 1 of 2 subjects").contains("subject \"nobody\": ");
    assertThat(offline.exitCode()).as(offline.out() + offline.err()).isEqualTo(1);
    assertThat(offline.out()).contains("[FIELD_ADDED_WITHOUT_DEFAULT]").contains("subject \"orders/v1-value\"");
  }

  @Test
  void downloadThatCannotWriteExitsAsAnEnvironmentFailureNotBadInput() throws Exception {
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));
    String notADirectory = write("occupied", "a file where the output directory should be");

    Result result = run("download", "--registry", server.url(), "--subject", "users", "--output",
        notADirectory.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
    assertThat(result.err()).contains("skipped subject \"users\": cannot write " + notADirectory)
        .contains("skipped 1 of 1 subject");
  }

  @Test
  void checkRefusesASchemaTooLargeToRegisterAsRegisterDoes() throws Exception {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
    for (int i = 0; fields.length() < 1_200_000; i++) {
      fields.append(",{\"name\":\"field").append(i).append("\",\"type\":\"string\",\"default\":\"\",")
          .append("\"doc\":\"padding padding padding padding padding padding padding\"}");
    }
    String huge = write("huge.avsc", "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":["
        + fields + "]}");
    run("register", "--registry", server.url(), "--subject", "users", write("v1.avsc", V1));

    Result online = run("check", "--registry", server.url(), "--subject", "users", huge);
    Result register = run("register", "--registry", server.url(), "--subject", "users", huge);

    assertThat(online.exitCode()).as(online.out()).isEqualTo(2);
    assertThat(online.err()).contains("huge.avsc: registering this schema takes a request of")
        .contains("HTTP 413");
    assertThat(register.exitCode()).isEqualTo(2);
    assertThat(register.err()).contains("huge.avsc: registering this schema takes a request of");
  }

  @Test
  void offlineCheckOfTheExampleDomainFindsTheRemovedField() throws Exception {
    String userDeleted = Files.readString(Path.of("..", "schemas", "user-events", "UserDeleted.avsc"))
        .replace("    {\"name\": \"email\", \"type\": \"string\"},\n", "");
    Result result = run("check", "--schemas-dir", Path.of("..", "schemas").toString(), "--subject",
        "dev.handshake.example.user.UserDeleted", write("UserDeleted.avsc", userDeleted));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("[FIELD_REMOVED_WITHOUT_DEFAULT]").contains("FULL_TRANSITIVE");
  }

  @Test
  void offlineCheckRefusesATypoAndADirectoryWithoutHistory() throws Exception {
    Path emptyDir = Files.createDirectories(dir.resolve("empty"));
    Result typo = run("check", "--schemas-dir", Path.of("..", "schemas").toString(), "--subject",
        "dev.handshake.example.user.UserDeleteed", Path.of("..", "schemas", "user-events", "UserDeleted.avsc").toString());
    Result empty = run("check", "--schemas-dir", emptyDir.toString(), "--subject", "users", write("v1.avsc", V1));
    Result file = run("check", "--schemas-dir", dir.resolve("v1.avsc").toString(), "--subject", "users",
        dir.resolve("v1.avsc").toString());

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("did you mean \"dev.handshake.example.user.UserDeleted\"?");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("has no history/ directory");
    assertThat(file.exitCode()).isEqualTo(2);
    assertThat(file.err()).contains("is a file, not a directory");
  }

  @Test
  void aServerAnswering501IsNotARegistryForEveryCommand() throws Exception {
    com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    other.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(501, -1);
      exchange.close();
    });
    other.start();
    try {
      String url = "http://127.0.0.1:" + other.getAddress().getPort();
      String file = write("v1.avsc", V1);
      for (String[] command : new String[][] {
          {"register", "--registry", url, "--subject", "users", file},
          {"set-compatibility", "--registry", url, "--global", "BACKWARD"},
          {"set-compatibility", "--registry", url, "--subject", "users", "DEFAULT"},
          {"check", "--registry", url, "--subject", "users", file},
          {"download", "--registry", url, "--subject", "users", "--output", dir.toString()}}) {
        int before = requests.get();
        Result result = run(command);
        assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("HTTP 501").contains("the registry's API root");
        assertThat(requests.get() - before).as("requests of " + command[0]).isEqualTo(1);
      }
    } finally {
      other.stop(0);
    }
  }

  @Test
  void anUnreachableRegistryExitsThreeNamingTheOption() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Result result = run("check", "--registry", "http://127.0.0.1:" + port, "--subject", "users",
        write("v1.avsc", V1));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("127.0.0.1:" + port).contains("--registry");
  }

  @Test
  void badInputExitsTwo() throws Exception {
    Result brokenFile = run("register", "--registry", server.url(), "--subject", "users",
        write("broken.avsc", "{\"type\": \"record\", "));
    Result noRegistry = run("check", "--subject", "users", write("v1.avsc", V1));
    Result unknownVersion = run("download", "--registry", server.url(), "--subject", "users", "--schema-version", "3",
        "--output", dir.toString());

    assertThat(brokenFile.exitCode()).isEqualTo(2);
    assertThat(brokenFile.err()).contains("broken.avsc:1:");
    assertThat(noRegistry.exitCode()).isEqualTo(2);
    assertThat(noRegistry.err()).contains("--registry").contains("--schemas-dir");
    assertThat(unknownVersion.exitCode()).isEqualTo(2);
    assertThat(unknownVersion.err()).contains("users");
  }

  @Test
  void wrongCredentialsExitTwoWithoutShowingThem() throws Exception {
    try (RegistryServer secured = RegistryServer.start(new RegistryServer.Options(dir.resolve("secured"),
        "127.0.0.1", 0, "ci:right-pw", 0))) {
      Result ok = run("register", "--registry", secured.url(), "--user-info", "ci:right-pw", "--subject", "s",
          write("v1.avsc", V1));
      Result wrong = run("register", "--registry", secured.url(), "--user-info", "ci:wrong-pw", "--subject", "s",
          dir.resolve("v1.avsc").toString());

      assertThat(ok.exitCode()).as(ok.err()).isZero();
      assertThat(wrong.exitCode()).isEqualTo(2);
      assertThat(wrong.err()).contains("401").doesNotContain("wrong-pw");
    }
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command : new String[][] {{"check"}, {"register"}, {"download"}, {"set-compatibility"},
        {"registry", "serve"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      Result help = run(args);
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("Usage: handshake " + String.join(" ", command));
    }
  }

  @Test
  void registryServePrintsWhereItListensAndServes() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HandshakeCli.class.getName(), "registry", "serve", "--port", "0", "--data-dir",
        dir.resolve("served").toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }).get(60, TimeUnit.SECONDS);
      assertThat(line).matches("listening on http://127\\.0\\.0\\.1:\\d+");
      String url = line.substring("listening on ".length());

      Result registered = run("register", "--registry", url, "--subject", "served", write("v1.avsc", V1));
      assertThat(registered.exitCode()).as(registered.err()).isZero();
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
