package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record-deployment, record-release and record-undeployment on a real environments directory. */
class RecordCommandsTest {
  @TempDir
  Path tmp;

  private RegistryCommandsTest.Result record(String command, String... more) {
    String[] args = new String[more.length + 3];
    args[0] = command;
    args[1] = "--environments-dir";
    args[2] = tmp.resolve("environments").toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return RegistryCommandsTest.run(args);
  }

  private String prod() throws Exception {
    return Files.readString(tmp.resolve("environments/prod.json"));
  }

  @Test
  void aDeploymentReplacesTheVersionAndAReleaseKeepsSeveral() throws Exception {
    Path contracts = Files.createDirectories(tmp.resolve("contracts/auth-service-1.4.0"));
    Path schemas = Files.createDirectories(tmp.resolve("schemas"));

    RegistryCommandsTest.Result first = record("record-deployment", "--env", "prod", "--service", "auth-service",
        "--version", "1.4.0", "--contracts", contracts.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("recorded auth-service 1.4.0 as the version deployed in ");
    assertThat(prod()).contains("\"contractsPath\": \"../contracts/auth-service-1.4.0\"");

    assertThat(record("record-deployment", "--env", "prod", "--service", "user-service", "--version", "2.3.0",
        "--schemas", schemas.toString(), "--subject", "user-events-value").exitCode()).isZero();
    assertThat(record("record-deployment", "--env", "prod", "--service", "auth-service", "--version", "1.5.0",
        "--contracts", "dev.example:auth-service-contracts:1.5.0").exitCode()).isZero();
    assertThat(prod()).doesNotContain("1.4.0")
        .contains("\"contractsArtifact\": \"dev.example:auth-service-contracts:1.5.0\"")
        .contains("\"schemasPath\": \"../schemas\"").contains("\"user-events-value\"").endsWith("}\n");

    assertThat(record("record-release", "--env", "prod", "--service", "auth-service", "--version", "1.6.0",
        "--contracts", "dev.example:auth-service-contracts:1.6.0").exitCode()).isZero();
    assertThat(prod()).contains("\"version\": \"1.5.0\"", "\"version\": \"1.6.0\"", "\"version\": \"2.3.0\"");

    RegistryCommandsTest.Result removed = record("record-undeployment", "--env", "prod", "--service",
        "auth-service", "--version", "1.5.0");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(prod()).doesNotContain("\"version\": \"1.5.0\"").contains("\"version\": \"1.6.0\"");
  }

  @Test
  void aContractsPathThatDoesNotExistIsBadInputAndTheFileIsLeftAlone() throws Exception {
    assertThat(record("record-deployment", "--env", "prod", "--service", "auth-service", "--version", "1.4.0")
        .exitCode()).isZero();
    String before = prod();

    RegistryCommandsTest.Result result = record("record-deployment", "--env", "prod", "--service", "auth-service",
        "--version", "1.5.0", "--contracts", "no/such/contracts");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("--contracts no/such/contracts does not exist; give Maven coordinates "
        + "groupId:artifactId:version[:classifier][:type]");
    assertThat(prod()).isEqualTo(before);
  }

  @Test
  void undeployingAServiceNotRecordedIsBadInput() {
    assertThat(record("record-deployment", "--env", "prod", "--service", "auth-service", "--version", "1.4.0")
        .exitCode()).isZero();

    RegistryCommandsTest.Result result = record("record-undeployment", "--env", "prod", "--service", "billing");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("service \"billing\" is not recorded in environment \"prod\"; recorded: "
        + "[auth-service].");
  }

  @Test
  void aMalformedEnvironmentFileIsBadInputNamingWhereItIsWrong() throws Exception {
    Files.createDirectories(tmp.resolve("environments"));
    Files.writeString(tmp.resolve("environments/prod.json"), "{\"formatVersion\": 1, \"environment\": \"prod\", "
        + "\"services\": {\"auth-service\": {\"versions\": [{\"version\": \"1.4.0\", \"contract\": \"x\"}]}}}");

    RegistryCommandsTest.Result result = record("record-release", "--env", "prod", "--service", "auth-service",
        "--version", "1.5.0");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("prod.json at /services/auth-service/versions/0/contract: unknown key "
        + "\"contract\"");
  }
}
