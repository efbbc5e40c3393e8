package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.PactVerifyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code handshake verify} on the maven-plugin's invoker fixtures, as a Gradle build would call it: the
 * producer's factory compiled against pact-jvm's real annotation, its schemas directory on the class path.
 */
class VerifyCommandTest {
  private static final Path IT = Path.of("..", "maven-plugin", "src", "it");

  @TempDir
  Path tmp;

  /** Compiles the fixture's src/test/java as the producer's build would; returns its class path. */
  private String producerClasspath(Path fixture) throws Exception {
    return producerClasspathIn(fixture, tmp);
  }

  /** As {@link #producerClasspath(Path)}, compiling into {@code work}; other commands' tests use it too. */
  String producerClasspathIn(Path fixture, Path work) throws Exception {
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> sources;
    try (Stream<Path> files = Files.walk(fixture.resolve("src/test/java"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    String dependencies = Stream.of(PactVerifyProvider.class, Schema.class, JsonNode.class)
        .map(VerifyCommandTest::jarOf).collect(Collectors.joining(File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = Stream.concat(Stream.of("-d", classes.toString(), "-cp", dependencies), sources.stream())
        .toList();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac " + sources).isZero();
    // the fixtures' pom puts schemas/ on the test class path; the factory reads UserDeleted.avsc from there
    return String.join(File.pathSeparator, classes.toString(), fixture.resolve("schemas").toAbsolutePath().toString(),
        dependencies);
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private RegistryCommandsTest.Result verify(Path fixture, String... more) throws Exception {
    List<String> args = Stream.concat(Stream.of("verify", "--base-dir", fixture.toString(),
        "--classpath", producerClasspath(fixture), "--report-dir", tmp.resolve("handshake").toString(),
        "--junit-report-dir", tmp.resolve("junit").toString()), Stream.of(more)).toList();
    return RegistryCommandsTest.run(args.toArray(String[]::new));
  }

  @Test
  void aRemovedFieldAConsumerReadsFailsWithTheGoalsFindingsAndReports() throws Exception {
    RegistryCommandsTest.Result result = verify(IT.resolve("verify-field-removed"));

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_INCOMPATIBLE);
    assertThat(result.out()).contains("schemas/UserDeleted.avsc:", "[FIELD_REMOVED_WITHOUT_DEFAULT] Field \"email\"",
        "[CONSUMER_CANNOT_DECODE]", "consumer \"auth-service\"", "2 error(s)");
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("handshake/verify.json").toFile());
    assertThat(report.get("passed").asBoolean()).isFalse();
    assertThat(report.get("findings").findValuesAsText("rule"))
        .containsExactly("FIELD_REMOVED_WITHOUT_DEFAULT", "CONSUMER_CANNOT_DECODE");
    assertThat(tmp.resolve("handshake/verify.txt")).isRegularFile();
    assertThat(tmp.resolve("handshake/verify.github.txt")).isRegularFile();
    assertThat(tmp.resolve("junit/TEST-handshake-verify.xml")).isRegularFile();
    assertThat(report.get("findings").get(0).get("readBy").asText()).isEqualTo("auth-service (needs it, no default)");
    JsonNode usage = new ObjectMapper().readTree(tmp.resolve("handshake/usage.json").toFile());
    assertThat(usage.get("consumers").toString()).isEqualTo("[\"auth-service\"]");
    assertThat(tmp.resolve("handshake/usage.md")).content().contains("| `$.email` | - | auth-service (needs it, "
        + "no default) | not written |");
  }

  @Test
  void removingAFieldNoConsumerReadsPassesWithANoteNamingIt() throws Exception {
    RegistryCommandsTest.Result result = verify(IT.resolve("verify-unread-field-removed"));

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_OK);
    assertThat(result.out()).contains("Handshake verify: note: field $.version of "
        + "dev.handshake.example.user.UserDeleted was removed (it is in "
        + "schemas/history/dev.handshake.example.user.UserDeleted/v1.avsc, not in the current schema) and no "
        + "consumer reads it: the removal is safe.");
  }

  @Test
  void aChangeNoConsumerIsHurtByPasses() throws Exception {
    RegistryCommandsTest.Result result = verify(IT.resolve("verify-compatible-change"));

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_OK);
    assertThat(result.out()).contains("0 error(s), 0 warning(s)");
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("handshake/verify.json").toFile());
    assertThat(report.get("passed").asBoolean()).isTrue();
    assertThat(report.get("findings")).isEmpty();
  }

  @Test
  void aClassPathEntryThatDoesNotExistIsBadInput() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("verify", "--classpath", "build/no-such-classes");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("--classpath entry build/no-such-classes does not exist");
  }

  @Test
  void aMistypedProviderIsBadInputNamingTheProviderItSaw() throws Exception {
    RegistryCommandsTest.Result result = verify(IT.resolve("verify-field-removed"), "--provider", "user-servce");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("no contract for the provider name \"user-servce\" (--provider) in contracts",
        "name the provider \"user-service\"", "Did you mean \"user-service\"?", "--allow-no-contracts");
    assertThat(tmp.resolve("handshake/verify.json")).doesNotExist();
  }

  @Test
  void aContractsDirectoryThatDoesNotExistIsBadInput() throws Exception {
    RegistryCommandsTest.Result result = verify(IT.resolve("verify-field-removed"), "--contracts", "no/such/dir");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("found no contract file: --contracts no/such/dir holds no *.json "
        + "(no/such/dir does not exist)");
  }

  @Test
  void allowNoContractsMakesNothingToVerifyAWarning() throws Exception {
    RegistryCommandsTest.Result result = verify(IT.resolve("verify-field-removed"), "--provider", "user-servce",
        "--allow-no-contracts");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_OK);
    assertThat(result.out()).contains("warning: Handshake verify found no contract for the provider name "
        + "\"user-servce\"", "Nothing verified (--allow-no-contracts).");
  }
}
