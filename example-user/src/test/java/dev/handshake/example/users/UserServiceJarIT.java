package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.testsupport.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code java -jar target/user-service.jar}, as built: starts on embedded PostgreSQL with no settings. */
class UserServiceJarIT {
  private static final Path JAR = Path.of("target", "user-service.jar");
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  @Test
  void withoutDatabaseOrKafkaSettingsTheJarStartsOnEmbeddedPostgresAndAnswers() {
    assertThat(JAR).exists();
    // Only HTTP_PORT=0, so the test never collides with a service on the default port 8081.
    try (ServerProcess service = ServerProcess.start("user-service.jar",
        List.of("env", "HTTP_PORT=0", JAVA, "-jar", JAR.toString()), LISTENING,
        Duration.ofSeconds(120))) {
      ApiClient api = new ApiClient(URI.create(service.readyMatch().group(1)));
      assertThat(api.createUser("jar@example.com", "Jar").get("version").asLong()).isEqualTo(1);
      assertThat(api.get("/events").body().get("events")).hasSize(1);
      assertThat(service.tailText()).contains("relay off: KAFKA_BOOTSTRAP_SERVERS is not set");
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
