package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code handshake can-i-retire} on the goal's invoker scenario: staging records auth-service 1.5.0 (reads
 * user-events.v2 only), prod records auth-service 1.4.0 (reads user-events). The verdict is the first line.
 */
class CanIRetireCommandTest {
  private static final Path SCENARIO = Path.of("..", "maven-plugin", "src", "it", "can-i-retire-versions");

  @TempDir
  Path tmp;

  private RegistryCommandsTest.Result canIRetire(Path base, String topic, String environment) {
    return RegistryCommandsTest.run("can-i-retire", "--producer", "user-service", "--topic", topic, "--from",
        environment, "--base-dir", base.toString(), "--work-dir", tmp.resolve("work").toString(),
        "--report-dir", tmp.resolve("report").toString());
  }

  @Test
  void yesExitsZeroWhenOnlyReadersOfOtherTopicsAreRecorded() {
    RegistryCommandsTest.Result result = canIRetire(SCENARIO, "user-events", "staging");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_OK);
    assertThat(result.out().lines().toList()).containsExactly("can-i-retire: yes, no consumer version recorded in "
        + "staging (environments/staging.json) reads topic \"user-events\" of user-service.",
        "  auth-service 1.5.0 reads \"user-events.v2\" of user-service, not \"user-events\"");
  }

  @Test
  void noExitsOneNamingTheConsumerVersionItsInteractionsAndFields() throws Exception {
    RegistryCommandsTest.Result result = canIRetire(SCENARIO, "user-events", "prod");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_INCOMPATIBLE);
    assertThat(result.out().lines().findFirst()).hasValue("can-i-retire: no, 1 consumer version(s) recorded in "
        + "prod (environments/prod.json) still read topic \"user-events\" of user-service: auth-service 1.4.0.");
    assertThat(result.out()).contains("  auth-service 1.4.0 reads \"user-events\":\n")
        .containsPattern("    interaction \"a user was deleted\" \\(consumer-contracts/auth-service-1\\.4\\.0/"
            + "auth-service-user-service\\.json\\) reads .*\\$\\.userId \\(asserts\\)");
    assertThat(Files.readString(tmp.resolve("report").resolve("can-i-retire.json")))
        .contains("\"verdict\" : \"no\"").contains("\"consumer\" : \"auth-service\"");
  }

  @Test
  void unknownExitsThreeNamingWhatCouldNotBeRead() throws Exception {
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Files.writeString(environments.resolve("prod.json"), """
        {"formatVersion": 1, "environment": "prod", "services": {"auth-service": {"versions": [
          {"version": "1.3.0", "contractsPath": "../gone"}]}, "user-service": {"versions": [{"version": "2.0.0"}]}}}
        """);

    RegistryCommandsTest.Result result = canIRetire(tmp, "user-events", "prod");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_UNREACHABLE);
    assertThat(result.out()).startsWith("can-i-retire: unknown, whether a consumer version recorded in prod "
        + "(environments/prod.json) reads topic \"user-events\" of user-service cannot be told")
        .contains("  unknown: auth-service 1.3.0: contracts path gone does not exist");
  }

  @Test
  void anUnknownEnvironmentIsBadInputNamingTheClosest() {
    RegistryCommandsTest.Result result = canIRetire(SCENARIO, "user-events", "prd");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("there is no environment \"prd\"").contains("Did you mean \"prod\"?");
  }

  @Test
  void aBlankTopicIsBadInput() {
    RegistryCommandsTest.Result result = canIRetire(SCENARIO, "", "prod");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("can-i-retire needs the topic to retire (--topic");
  }
}
