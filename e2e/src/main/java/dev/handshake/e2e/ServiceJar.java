package dev.handshake.e2e;

import dev.handshake.testsupport.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * user-service or auth-service run from its jar as its own process, configured by environment variables, exactly
 * as demo/stack.sh runs it: the two services' generated event classes cannot share one class path.
 */
public final class ServiceJar implements AutoCloseable {
  static final Path USER_SERVICE = Path.of("..", "example-user", "target", "user-service.jar");
  static final Path AUTH_SERVICE = Path.of("..", "example-auth", "target", "auth-service.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final ServerProcess process;
  private final URI url;
  private final String adminToken;

  private ServiceJar(ServerProcess process, String adminToken) {
    this.process = process;
    this.url = URI.create(process.readyMatch().group(1));
    this.adminToken = adminToken;
  }

  public static ServiceJar start(String name, Path jar, Map<String, String> env) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first "
          + "(./mvnw -B package -DskipTests -Dinvoker.skip=true -pl e2e -am)");
    }
    List<String> command = new ArrayList<>();
    command.add("env");
    env.forEach((key, value) -> command.add(key + "=" + value));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString()));
    return new ServiceJar(ServerProcess.start(name, command, LISTENING, Duration.ofMinutes(3)),
        env.get("ADMIN_TOKEN"));
  }

  URI url() {
    return url;
  }

  /** A client holding the ADMIN_TOKEN the service was started with. */
  public ServiceClient client() {
    return new ServiceClient(url, adminToken);
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, as in a crash. */
  void kill() {
    process.kill();
  }

  /**
   * SIGSTOP: the process keeps its sockets, its fetched records and its database sessions but runs nothing, as in a
   * long GC pause or a frozen VM; {@link #resume()} lets it go on where it stopped (a zombie, once its group moved on).
   */
  void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).redirectErrorStream(true).start();
    String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + pid() + " failed: " + said);
    }
  }

  public String output() {
    return process.tailText();
  }

  @Override
  public void close() {
    process.close();
  }
}
