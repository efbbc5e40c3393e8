package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code handshake usage} on the repository's own contract (auth-service) and producer schemas (user-service). */
class UsageCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void printsTheMapAsMarkdownForAJobSummary() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("usage", "--contracts", "../contracts",
        "--schemas", "../schemas/user-events", "--provider", "user-service");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("## Handshake field usage\n\n1 consumer(s): auth-service. 19 field(s): "
            + "14 in use, 4 safe to remove, 1 level forbids removal.\n")
        .contains("### dev.handshake.example.user.UserDeleted\n\nRead from `user-events` by auth-service.\n\n"
            + "| Field | Type | Read by | Verdict |\n"
            + "| --- | --- | --- | --- |\n| `$.eventId` | string (uuid) | auth-service (asserts) | in use |\n")
        .contains("- `dev.handshake.example.user.UserCreated $.displayName`: safe to remove: no consumer reads it.");
    // no consumer reads UserDeleted's occurredAt, but the subject is FULL_TRANSITIVE (schemas/compatibility.properties)
    // and removing it fails handshake check --schemas-dir schemas: the map says so, and what would allow it
    assertThat(result.out())
        .contains("| `$.occurredAt` | long (timestamp-millis) | nobody | level forbids removal |\n")
        .contains("- `dev.handshake.example.user.UserDeleted $.occurredAt`: no consumer reads it, but the subject's "
            + "compatibility level forbids removing it: removing it fails FULL_TRANSITIVE against the registered "
            + "history (FIELD_REMOVED_WITHOUT_DEFAULT); every registered version is compared and the ones without a "
            + "default for occurredAt refuse it, so it can go only after the level is made non-transitive");
  }

  /** auth-service 0.1.0's contract, the released one that reads v1 (user-events) with v1's writer schemas. */
  @Test
  void theJsonNamesAuthServiceForEveryFieldOfItsReaderSchemas() throws Exception {
    Path output = tmp.resolve("usage.json");
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("usage", "--contracts",
        "../contracts/released/auth-service-0.1.0-user-service.json", "--schemas", "../schemas/user-events", "--format", "json",
        "--output", output.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode map = JSON.readTree(output.toFile());
    List<String> readByAuth = new ArrayList<>();
    for (JsonNode field : map.get("fields")) {
      for (JsonNode use : field.get("consumers")) {
        if (use.get("consumer").asText().equals("auth-service")) {
          readByAuth.add(field.get("subject").asText().replace("dev.handshake.example.user.", "") + " "
              + field.get("path").asText() + " " + use.get("use").asText());
        }
      }
    }
    assertThat(readByAuth).containsExactly(
        "UserCreated $.eventId ASSERTS", "UserCreated $.userId ASSERTS", "UserCreated $.email ASSERTS",
        "UserCreated $.status ASSERTS", "UserCreated $.version ASSERTS",
        "UserDeleted $.eventId ASSERTS", "UserDeleted $.userId ASSERTS", "UserDeleted $.email ASSERTS",
        "UserDeleted $.version ASSERTS",
        "UserUpdated $.eventId ASSERTS", "UserUpdated $.userId ASSERTS", "UserUpdated $.email ASSERTS",
        "UserUpdated $.status ASSERTS", "UserUpdated $.version ASSERTS");
    assertThat(result.out()).contains("Handshake usage: 19 field(s), 1 consumer(s); written to ");
  }

  @Test
  void withoutContractsEveryFieldWouldLookUnusedSoItRefuses() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("usage", "--contracts", tmp.toString(),
        "--schemas", "../schemas/user-events");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("holds no *.json contract: without contracts every field would look safe "
        + "to remove");
  }

  @Test
  void aSchemasPathThatIsNoDirectoryIsNamed() throws Exception {
    Path notADirectory = Files.writeString(tmp.resolve("x.avsc"), "{}");
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("usage", "--contracts", "../contracts",
        "--schemas", notADirectory.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--schemas " + notADirectory + " is not a directory");
  }

  @Test
  void aMistypedProviderIsRefusedAsVerifyRefusesIt() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("usage", "--contracts", "../contracts",
        "--schemas", "../schemas/user-events", "--provider", "user-servce");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("handshake usage found no contract for the provider name \"user-servce\" "
        + "(--provider) in ../contracts", "Did you mean \"user-service\"?");
  }
}
