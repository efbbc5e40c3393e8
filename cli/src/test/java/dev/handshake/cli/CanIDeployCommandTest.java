package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.registry.RegistryServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code handshake can-i-deploy} for a producer, on the goal's invoker scenario: user-service 2.0.0 (email
 * removed) against prod's auth-service 1.4.0 (contracts in the scenario: yes), 1.5.0 (a contracts jar in the
 * Maven repository given, reading email: no) and 1.6.0 (a jar that is not there: unknown).
 */
class CanIDeployCommandTest {
  private static final Path IT = Path.of("..", "maven-plugin", "src", "it");
  private static final Path SCENARIO = IT.resolve("can-i-deploy-producer");

  @TempDir
  Path tmp;

  /** auth-service's published contracts jar, as verify-setup-contracts installs it, in a repository of its own. */
  private Path mavenRepository() throws Exception {
    Path repository = tmp.resolve("repository");
    Path jar = Files.createDirectories(repository.resolve("dev/handshake/it/auth-service-contracts/1.0.0"))
        .resolve("auth-service-contracts-1.0.0.jar");
    Path contracts = IT.resolve("verify-setup-contracts/src/main/resources");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
         Stream<Path> files = Files.walk(contracts)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(contracts.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return repository;
  }

  private RegistryCommandsTest.Result canIDeploy(String... more) throws Exception {
    String classpath = new VerifyCommandTest().producerClasspathIn(SCENARIO, tmp);
    List<String> args = Stream.concat(Stream.of("can-i-deploy", "--service", "user-service", "--version", "2.0.0",
        "--to", "prod", "--base-dir", SCENARIO.toString(), "--classpath", classpath, "--maven-repo",
        mavenRepository().toString(), "--report-dir", tmp.resolve("handshake").toString()), Stream.of(more)).toList();
    return RegistryCommandsTest.run(args.toArray(String[]::new));
  }

  @Test
  void aProducerGetsOneVerdictPerConsumerVersionAndExitsOneOnNo() throws Exception {
    RegistryCommandsTest.Result result = canIDeploy();

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_INCOMPATIBLE);
    assertThat(result.out()).containsPattern("auth-service +1\\.4\\.0 +consumer +yes +1 interaction\\(s\\), no errors")
        .containsPattern("auth-service +1\\.5\\.0 +consumer +no +1 interaction\\(s\\), 2 error\\(s\\): "
            + "FIELD_REMOVED_WITHOUT_DEFAULT, CONSUMER_CANNOT_DECODE")
        .containsPattern("auth-service +1\\.6\\.0 +consumer +unknown +contracts artifact "
            + "dev.handshake.it:auth-service-contracts:1.6.0 not found: no .*auth-service-contracts-1.6.0.jar")
        .contains("[FIELD_REMOVED_WITHOUT_DEFAULT] Field \"email\"")
        .contains("can-i-deploy: no, user-service 2.0.0 to prod");
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("handshake/can-i-deploy.json").toFile());
    assertThat(report.get("counterparts").findValuesAsText("verdict")).containsExactly("yes", "no", "unknown");
    assertThat(tmp.resolve("handshake/can-i-deploy/verify.json")).isRegularFile();
  }

  @Test
  void ignoringUnknownsStillSaysNoForAFailingConsumer() throws Exception {
    RegistryCommandsTest.Result result = canIDeploy("--ignore-unknown");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_INCOMPATIBLE);
    assertThat(result.out()).contains("can-i-deploy: no, user-service 2.0.0 to prod: a counterpart cannot work "
        + "with it (its findings are above) (unknowns ignored).");
  }

  @Test
  void withARegistryEachSubjectIsCheckedAsRegisteringItWould() throws Exception {
    Path candidate = SCENARIO.resolve("schemas/UserDeleted.avsc");
    // registered: the same schema (compatible), and one without the candidate's "version" (added without default)
    Path withoutVersion = IT.resolve("verify-unread-field-removed/schemas/UserDeleted.avsc");
    try (RegistryServer registry = RegistryServer.start(RegistryServer.Options.of(tmp.resolve("registry"), 0))) {
      assertThat(RegistryCommandsTest.run("register", "--registry", registry.url(), "--subject", "same-value",
          candidate.toString()).exitCode()).isZero();
      assertThat(RegistryCommandsTest.run("register", "--registry", registry.url(), "--subject", "older-value",
          withoutVersion.toString()).exitCode()).isZero();

      RegistryCommandsTest.Result result = canIDeploy("--ignore-unknown", "--registry", registry.url(),
          "--subject", "same-value=schemas/UserDeleted.avsc", "--subject", "older-value=schemas/UserDeleted.avsc");

      assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(HandshakeCli.EXIT_INCOMPATIBLE);
      assertThat(result.out()).containsPattern("same-value +latest +subject +yes ")
          .containsPattern("older-value +latest +subject +no ")
          .contains("[FIELD_ADDED_WITHOUT_DEFAULT]");
    }
  }

  @Test
  void anEnvironmentThatIsNotRecordedIsBadInput() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("can-i-deploy", "--service", "user-service",
        "--version", "2.0.0", "--to", "qa", "--base-dir", SCENARIO.toString(), "--report-dir",
        tmp.resolve("handshake").toString());

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("there is no environment \"qa\"").contains("(environments there: [prod])");
  }
}
