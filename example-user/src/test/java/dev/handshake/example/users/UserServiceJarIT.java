package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.testsupport.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code java -jar target/user-service.jar}, as built: starts on embedded PostgreSQL with no settings. */
class UserServiceJarIT {
  private static final Path JAR = Path.of("target", "user-service.jar");
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  @Test
  void withoutDatabaseOrKafkaSettingsTheJarStartsOnEmbeddedPostgresAndAnswers() throws IOException {
    assertThat(JAR).exists();
    // Only HTTP_PORT=0, so the test never collides with a service on the default port.
    try (ServerProcess service = ServerProcess.start("user-service.jar",
        List.of("env", "HTTP_PORT=0", JAVA, "-jar", JAR.toString()), LISTENING,
        Duration.ofSeconds(120))) {
      ApiClient api = new ApiClient(URI.create(service.readyMatch().group(1)));
      assertThat(api.createUser("jar@example.com", "Jar").get("version").asLong()).isEqualTo(1);
      assertThat(api.get("/events").body().get("events")).hasSize(1);
      assertThat(service.tailText()).contains("relay off: KAFKA_BOOTSTRAP_SERVERS is not set");
      Matcher tokenLine = Pattern.compile("admin token: (\\S+)").matcher(service.tailText());
      assertThat(tokenLine.find()).as(service.tailText()).isTrue();
      Path tokenFile = Path.of(tokenLine.group(1));
      String token = Files.readString(tokenFile).strip();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
      assertThat(service.tailText()).as("the token itself is never printed").doesNotContain(token);
      assertThat(api.get("/admin/outbox").status()).isEqualTo(401);
      assertThat(api.withAuthorization("Bearer " + token).get("/admin/outbox").status()).isEqualTo(200);
    }
  }

  @Test
  void everySettingThatStopsTheStartIsNamedWithExitCodeTwoWithinSeconds() throws Exception {
    String[][] cases = {
        {"KAFKA_BOOTSTRAP_SERVERS=garbage", "KAFKA_BOOTSTRAP_SERVERS"},
        {"HTTP_HOST=999.1.1.1", "HTTP_HOST"},
        {"DB_URL=jdbc:postgresql://127.0.0.1:1/users", "DB_USER"},
        {"ADMIN_TOKEN=short", "ADMIN_TOKEN"},
        {"HTTP_PORT=http", "HTTP_PORT"}};
    for (String[] setting : cases) {
      Process process = new ProcessBuilder("env", "HTTP_PORT=0", setting[0], JAVA, "-jar", JAR.toString())
          .redirectErrorStream(true).start();
      try {
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(setting[0] + " exits without starting the database")
            .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).as(setting[0]).startsWith("user-service: " + setting[1]).doesNotContain("\n");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void aWrongSettingIsOneLineAndExitCodeTwo() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("env", "HTTP_PORT=0", "DB_URL=mysql://db/users",
        JAVA, "-jar", JAR.toString()).redirectErrorStream(true).start();
    try {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar exits").isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(output).isEqualTo(2);
      assertThat(output.strip()).isEqualTo("user-service: DB_URL=mysql://db/users is not valid: set it to a "
          + "PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/users");
    } finally {
      process.destroyForcibly();
    }
  }
}
