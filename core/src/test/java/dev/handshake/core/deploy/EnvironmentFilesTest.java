package dev.handshake.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment files: Pact's record semantics, the reviewable format, and what the reader refuses. */
class EnvironmentFilesTest {
  @TempDir
  Path tmp;

  private EnvironmentFiles files() {
    return new EnvironmentFiles(tmp.resolve("environments"));
  }

  private static ServiceVersion withArtifact(String version) {
    return new ServiceVersion(version, Optional.of("dev.example:auth-service-contracts:" + version), Optional.empty(),
        Optional.empty(), List.of());
  }

  @Test
  void aDeploymentReplacesTheRecordedVersionAndKeepsEveryOtherService() {
    EnvironmentFiles files = files();
    files.update("prod", env -> EnvironmentChanges.recordDeployment(env, "user-service", new ServiceVersion("2.3.0",
        Optional.empty(), Optional.empty(), Optional.of("../schemas"), List.of("user-events-value"))));
    files.update("prod", env -> EnvironmentChanges.recordDeployment(env, "auth-service", withArtifact("1.4.0")));
    files.update("prod", env -> EnvironmentChanges.recordDeployment(env, "auth-service", withArtifact("1.5.0")));

    Environment prod = files.read("prod");
    assertThat(prod.services()).extracting(DeployedService::name).containsExactly("auth-service", "user-service");
    assertThat(prod.service("auth-service").orElseThrow().versions()).containsExactly(withArtifact("1.5.0"));
    assertThat(prod.service("user-service").orElseThrow().versions().get(0).subjects())
        .containsExactly("user-events-value");
  }

  @Test
  void aReleaseIsAddedBesideTheOthersAndAnUndeploymentRemovesOne() {
    EnvironmentFiles files = files();
    files.update("prod", env -> EnvironmentChanges.recordRelease(env, "auth-service", withArtifact("1.4.0")));
    files.update("prod", env -> EnvironmentChanges.recordRelease(env, "auth-service", withArtifact("1.5.0")));
    files.update("prod", env -> EnvironmentChanges.recordRelease(env, "auth-service", withArtifact("1.4.0")));
    assertThat(files.read("prod").service("auth-service").orElseThrow().versions())
        .extracting(ServiceVersion::version).containsExactly("1.4.0", "1.5.0");

    files.update("prod", env -> EnvironmentChanges.recordUndeployment(env, "auth-service", Optional.of("1.4.0")));
    assertThat(files.read("prod").service("auth-service").orElseThrow().versions())
        .extracting(ServiceVersion::version).containsExactly("1.5.0");

    files.update("prod", env -> EnvironmentChanges.recordUndeployment(env, "auth-service", Optional.empty()));
    assertThat(files.read("prod").services()).isEmpty();
  }

  @Test
  void undeployingAVersionNotRecordedNamesTheRecordedOnes() {
    Environment prod = EnvironmentChanges.recordRelease(Environment.empty("prod"), "auth-service",
        withArtifact("1.4.0"));

    assertThatThrownBy(() -> EnvironmentChanges.recordUndeployment(prod, "auth-service", Optional.of("1.3.0")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("version 1.3.0 of \"auth-service\" is not recorded in environment \"prod\"; recorded: [1.4.0]. "
            + "Give one of those, or no --version to remove the service.");
    assertThatThrownBy(() -> EnvironmentChanges.recordUndeployment(prod, "billing", Optional.empty()))
        .hasMessage("service \"billing\" is not recorded in environment \"prod\"; recorded: [auth-service].");
  }

  @Test
  void theFileHasAStableOrderOneElementPerLineAndOneTrailingNewline() throws Exception {
    EnvironmentFiles files = files();
    files.update("prod", env -> EnvironmentChanges.recordDeployment(env, "user-service", new ServiceVersion("2.3.0",
        Optional.empty(), Optional.empty(), Optional.of("../schemas"), List.of("a-value", "b-value"))));
    files.update("prod", env -> EnvironmentChanges.recordRelease(env, "auth-service", new ServiceVersion("1.4.0",
        Optional.empty(), Optional.of("../contracts"), Optional.empty(), List.of())));

    assertThat(Files.readString(files.file("prod"))).isEqualTo("""
        {
          "formatVersion": 1,
          "environment": "prod",
          "services": {
            "auth-service": {
              "versions": [
                {
                  "version": "1.4.0",
                  "contractsPath": "../contracts"
                }
              ]
            },
            "user-service": {
              "versions": [
                {
                  "version": "2.3.0",
                  "schemasPath": "../schemas",
                  "subjects": [
                    "a-value",
                    "b-value"
                  ]
                }
              ]
            }
          }
        }
        """);
    try (var left = Files.list(files.directory())) {
      assertThat(left).as("no temporary file left behind").containsExactly(files.file("prod"));
    }
  }

  @Test
  void readingAnEnvironmentThatDoesNotExistNamesTheOnesThatDo() {
    EnvironmentFiles files = files();
    files.update("staging", env -> EnvironmentChanges.recordDeployment(env, "auth-service", withArtifact("1.4.0")));

    assertThatThrownBy(() -> files.read("prod")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("there is no environment \"prod\"")
        .hasMessageContaining("(environments there: [staging])")
        .hasMessageContaining("handshake record-deployment --env prod");
  }

  @Test
  void anEnvironmentNameThatCannotBeAFileNameIsRefused() {
    assertThatThrownBy(() -> files().file("../prod")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("environment \"../prod\" is not a name");
  }

  private String refusal(String json) throws Exception {
    Path file = Files.createDirectories(tmp.resolve("environments")).resolve("prod.json");
    Files.writeString(file, json);
    try {
      files().read("prod");
    } catch (InvalidInputException e) {
      return e.getMessage().replace(file.toString(), "prod.json");
    }
    throw new AssertionError("accepted " + json);
  }

  private static String withVersion(String versionEntry) {
    return "{\"formatVersion\": 1, \"environment\": \"prod\", \"services\": {\"auth-service\": {\"versions\": ["
        + versionEntry + "]}}}";
  }

  @Test
  void badInputIsRefusedWithTheFileThePointerAndWhatToDo() throws Exception {
    assertThat(refusal("{\"formatVersion\": 1,")).startsWith("prod.json is not valid JSON: ")
        .contains("(line 1, column 21)");
    assertThat(refusal("{\"formatVersion\": 2, \"environment\": \"prod\", \"services\": {}}"))
        .isEqualTo("prod.json at /formatVersion: formatVersion must be 1, found 2; this Handshake reads format 1; "
            + "write \"formatVersion\": 1.");
    assertThat(refusal("{\"formatVersion\": 1, \"environment\": \"staging\", \"services\": {}}"))
        .isEqualTo("prod.json at /environment: environment is \"staging\" but the file is named for \"prod\"; "
            + "rename the file to staging.json or set \"environment\": \"prod\".");
    assertThat(refusal(withVersion("{\"version\": \"1.4.0\", \"contract\": \"x\"}")))
        .isEqualTo("prod.json at /services/auth-service/versions/0/contract: unknown key \"contract\"; use only "
            + "[contractsArtifact, contractsPath, schemasPath, subjects, version].");
    assertThat(refusal(withVersion("{\"version\": \"1.4.0\", \"contractsArtifact\": \"dev.example:contracts\"}")))
        .startsWith("prod.json at /services/auth-service/versions/0/contractsArtifact: \"dev.example:contracts\" is "
            + "not groupId:artifactId:version[:classifier][:type]");
    assertThat(refusal(withVersion("{\"version\": \"1.4.0\", \"contractsArtifact\": \"g:a:1\", "
        + "\"contractsPath\": \"x\"}")))
        .isEqualTo("prod.json at /services/auth-service/versions/0: both contractsArtifact and contractsPath are "
            + "set; keep the one the contracts are in.");
    assertThat(refusal(withVersion("{\"version\": \"1.4.0\"}, {\"version\": \"1.4.0\"}")))
        .isEqualTo("prod.json at /services/auth-service/versions/1/version: version 1.4.0 is recorded twice; keep "
            + "one entry per version.");
    assertThat(refusal(withVersion("{\"version\": 14}")))
        .isEqualTo("prod.json at /services/auth-service/versions/0/version: \"version\" must be a non-empty string, "
            + "found 14; write it as a JSON string.");
    assertThat(refusal(withVersion("")))
        .isEqualTo("prod.json at /services/auth-service/versions: \"versions\" must be a non-empty array; remove the "
            + "service with handshake record-undeployment, or record a version.");
    assertThat(refusal(withVersion("{\"version\": \"1.4.0\", \"subjects\": \"users-value\"}")))
        .isEqualTo("prod.json at /services/auth-service/versions/0/subjects: subjects must be an array of subject "
            + "names; write e.g. [\"user-events-value\"].");
  }

  @Test
  void coordinatesAreToldApartFromPaths() {
    assertThat(ArtifactCoordinates.tryParse("dev.example:auth-contracts:1.5.0")).contains(
        new ArtifactCoordinates("dev.example", "auth-contracts", "1.5.0", "", "jar"));
    assertThat(ArtifactCoordinates.tryParse("dev.example:auth:1.5.0:contracts:zip")).contains(
        new ArtifactCoordinates("dev.example", "auth", "1.5.0", "contracts", "zip"));
    assertThat(ArtifactCoordinates.tryParse("../contracts/auth-service")).isEmpty();
    assertThat(ArtifactCoordinates.tryParse("contracts")).isEmpty();
    assertThat(ArtifactCoordinates.tryParse("g:a:1::war")).isEmpty();
    assertThat(new ArtifactCoordinates("dev.example", "auth", "1.5.0", "contracts", "zip").pathIn(Path.of("repo")))
        .isEqualTo(Path.of("repo/dev/example/auth/1.5.0/auth-1.5.0-contracts.zip"));
  }
}
