package dev.handshake.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.RestSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shipped CLI jar, as a user runs it, against Apicurio: register, set-compatibility, check. */
class CliRoundTripAgainstApicurioTest {

    @RegisterExtension
    static final SharedApicurio APICURIO = new SharedApicurio();

    private static final Path CLI_JAR = Path.of("..", "cli", "target", "handshake.jar").toAbsolutePath().normalize();
    private static final String V1 = "{\n  \"type\": \"record\", \"name\": \"Account\", \"namespace\": \"apicurio.cli\",\n"
            + "  \"fields\": [\n    {\"name\": \"id\", \"type\": \"string\"}\n  ]\n}\n";
    private static final String V2_OPTIONAL_EMAIL = "{\n  \"type\": \"record\", \"name\": \"Account\", "
            + "\"namespace\": \"apicurio.cli\",\n  \"fields\": [\n    {\"name\": \"id\", \"type\": \"string\"},\n"
            + "    {\"name\": \"email\", \"type\": \"string\", \"default\": \"\"}\n  ]\n}\n";
    private static final String V3_REQUIRED_EMAIL = "{\n  \"type\": \"record\", \"name\": \"Account\", "
            + "\"namespace\": \"apicurio.cli\",\n  \"fields\": [\n    {\"name\": \"id\", \"type\": \"string\"},\n"
            + "    {\"name\": \"email\", \"type\": \"string\"}\n  ]\n}\n";

    private static final String USER_ID_STRING = "{\n  \"type\": \"record\", \"name\": \"User\", "
            + "\"namespace\": \"apicurio.cli\",\n  \"fields\": [\n    {\"name\": \"id\", \"type\": \"string\"}\n  ]\n}\n";
    /** The same record with its id changed to a long, which BACKWARD refuses. */
    private static final String USER_ID_LONG = "{\n  \"type\": \"record\", \"name\": \"User\", "
            + "\"namespace\": \"apicurio.cli\",\n  \"fields\": [\n    {\"name\": \"id\", \"type\": \"long\"}\n  ]\n}\n";

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void cliJarIsBuilt() {
        assertThat(CLI_JAR).as("the CLI jar; build it with ./mvnw -B -q -pl cli -am package -DskipTests")
                .isRegularFile();
    }

    @Test
    void registerSetCompatibilityAndCheckRoundTrip() throws Exception {
        String url = APICURIO.baseUrl();
        String subject = "apicurio.cli.Account-" + UUID.randomUUID();
        Path v1 = write("Account-v1.avsc", V1);
        Path v2 = write("Account-v2.avsc", V2_OPTIONAL_EMAIL);
        Path v3 = write("Account-v3.avsc", V3_REQUIRED_EMAIL);

        Run newSubject = handshake("check", "--registry", url, "--subject", subject, v3.toString());
        assertThat(newSubject.exitCode()).as(newSubject.err()).isZero();
        assertThat(newSubject.out()).contains("has no versions");

        Run registered = handshake("register", "--registry", url, "--subject", subject, v1.toString());
        assertThat(registered.exitCode()).as(registered.err()).isZero();
        assertThat(registered.out().trim()).matches("\\d+");
        Run again = handshake("register", "--registry", url, "--subject", subject, v1.toString());
        assertThat(again.out().trim()).isEqualTo(registered.out().trim());

        // Apicurio only takes a subject level once the subject exists, and defaults to NONE: set it.
        Run level = handshake("set-compatibility", "--registry", url, "--subject", subject, "BACKWARD");
        assertThat(level.exitCode()).as(level.err()).isZero();

        Run compatible = handshake("check", "--registry", url, "--subject", subject, v2.toString());
        assertThat(compatible.exitCode()).as(compatible.out() + compatible.err()).isZero();

        Run incompatible = handshake("check", "--registry", url, "--subject", subject, v3.toString());
        assertThat(incompatible.exitCode()).isEqualTo(1);
        assertThat(incompatible.out()).contains("[FIELD_ADDED_WITHOUT_DEFAULT]").contains("Account-v3.avsc:");

        // Apicurio refuses it with 409 and error_code 0; the CLI still reports it as incompatible.
        Run refused = handshake("register", "--registry", url, "--subject", subject, v3.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("incompatible").contains(url);

        Run evolved = handshake("register", "--registry", url, "--subject", subject, v2.toString());
        assertThat(evolved.exitCode()).as(evolved.err()).isZero();
        assertThat(evolved.out().trim()).matches("\\d+").isNotEqualTo(registered.out().trim());
    }

    /**
     * The sequence of issue 7 item 1: global level BACKWARD, a subject without a level of its own (Apicurio
     * answers NONE for it, yet enforces BACKWARD), a field changed from string to long. check must fail as the
     * registration does, with the engine's finding under the level the registry really applies.
     */
    @Test
    void checkFailsWhereApicurioRefusesUnderItsGlobalLevel() throws Exception {
        String url = APICURIO.baseUrl();
        RestSchemaRegistry client = RestSchemaRegistry.of(url);
        CompatibilityLevel globalBefore = client.globalCompatibility();
        String subject = "users-value-" + UUID.randomUUID();
        Path good = write("users-v1.avsc", USER_ID_STRING);
        Path bad = write("bad.avsc", USER_ID_LONG);
        try {
            Run global = handshake("set-compatibility", "--registry", url, "--global", "BACKWARD");
            assertThat(global.exitCode()).as(global.err()).isZero();
            Run registered = handshake("register", "--registry", url, "--subject", subject, good.toString());
            assertThat(registered.exitCode()).as(registered.err()).isZero();
            assertThat(client.subjectCompatibility(subject)).contains(CompatibilityLevel.NONE);

            Run check = handshake("check", "--registry", url, "--subject", subject, bad.toString());
            Run register = handshake("register", "--registry", url, "--subject", subject, bad.toString());

            assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(1);
            assertThat(check.out()).contains("[TYPE_CHANGED]").contains("bad.avsc:")
                    .contains("under BACKWARD (the registry's global level")
                    .contains("reports NONE for subject")
                    .contains("INCOMPATIBLE");
            assertThat(register.exitCode()).as(register.out() + register.err()).isEqualTo(1);
            // register checks first, as the goal does, so the registry is never asked to store what it would refuse
            assertThat(register.err()).contains("nothing was registered").contains(subject);
            assertThat(client.versions(subject)).containsExactly(1);
        } finally {
            client.setGlobalCompatibility(globalBefore);
        }
    }

    @Test
    void pointingAtApicurioWithoutTheCcompatPathSaysWhichUrlToUse() throws Exception {
        // The usual mistake: Apicurio's root instead of its Confluent-compatible API. It must not look like
        // "no versions, compatible"; the CLI exits 2 (bad input) and names the right path.
        String root = APICURIO.baseUrl().replace("/apis/ccompat/v7", "");
        Run run = handshake("check", "--registry", root, "--subject", "any", write("v1.avsc", V1).toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(root).contains("/apis/ccompat/v7");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Run handshake(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Short-lived commands: C1 alone starts each of them faster; it changes nothing they do.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-jar");
        command.add(CLI_JAR.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("handshake " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
