package dev.handshake.example.auth.it;

import dev.handshake.testsupport.ServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The real user-service ({@code example-user/target/user-service.jar}, built before this module) as a child process.
 * A separate JVM, as in production: its event classes share auth's package names but not its reader schemas.
 */
public final class UserServiceProcess implements AutoCloseable {
  private static final Path JAR = Path.of("..", "example-user", "target", "user-service.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final ServerProcess process;
  private final URI url;

  private UserServiceProcess(ServerProcess process) {
    this.process = process;
    this.url = URI.create(process.readyMatch().group(1));
  }

  /** Starts user-service with {@code env} (HTTP_PORT=0 is added); waits for its listening line. */
  public static UserServiceProcess start(Map<String, String> env) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build example-user first "
          + "(./mvnw -pl example-auth -am verify builds it)");
    }
    List<String> command = new ArrayList<>();
    command.add("env");
    command.add("HTTP_PORT=0");
    command.add("ADMIN_TOKEN=" + Infrastructure.ADMIN_TOKEN);
    env.forEach((name, value) -> command.add(name + "=" + value));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    return new UserServiceProcess(ServerProcess.start("user-service", command, LISTENING, Duration.ofMinutes(3)));
  }

  /** user-service on its own database {@code name} (created afresh) of the shared PostgreSQL; {@code env} adds. */
  public static UserServiceProcess onOwnDatabase(Infrastructure infrastructure, String name,
      Map<String, String> env) throws java.sql.SQLException {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("DB_URL", infrastructure.database().createDatabase(name));
    all.put("DB_USER", "postgres");
    return start(all);
  }

  public URI url() {
    return url;
  }

  public String output() {
    return process.tailText();
  }

  @Override
  public void close() {
    process.close();
  }
}
