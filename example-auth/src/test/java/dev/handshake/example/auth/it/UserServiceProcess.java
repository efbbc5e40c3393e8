package dev.handshake.example.auth.it;

import dev.handshake.testsupport.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real user-service ({@code example-user/target/user-service.jar}, built before this module) as a child process.
 * A separate JVM, as in production: its event classes share auth's package names but not its reader schemas.
 */
public final class UserServiceProcess implements AutoCloseable {
  private static final Path JAR = Path.of("..", "example-user", "target", "user-service.jar");

  private final ServerProcess process;
  private final URI url;

  private UserServiceProcess(ServerProcess process) {
    this.process = process;
    this.url = URI.create(process.readyMatch().group(1));
  }

  /** Starts user-service with {@code env} (HTTP_PORT=0 is added); waits for its listening line. */
  public static UserServiceProcess start(Map<String, String> env) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("HTTP_PORT", "0");
    all.put("ADMIN_TOKEN", Infrastructure.ADMIN_TOKEN);
    all.putAll(env);
    return new UserServiceProcess(JarProcess.start("user-service", JAR, all));
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
