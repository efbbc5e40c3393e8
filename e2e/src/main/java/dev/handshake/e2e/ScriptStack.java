package dev.handshake.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stack demo/stack.sh runs, driven through that script (up, stop, start, down) and read from its
 * {@code stack.env}: the story sees exactly what a user of stack.sh sees.
 */
final class ScriptStack implements StoryStack {
  private static final long SCRIPT_MINUTES = 10;

  private final Path root;
  private final Path dataDir;
  private Map<String, String> env = Map.of();

  ScriptStack(Path root, Path dataDir) {
    this.root = root;
    this.dataDir = dataDir;
  }

  void up() throws Exception {
    stackScript(Map.of(), "up");
  }

  void down() throws Exception {
    stackScript(Map.of(), "down");
  }

  String describe() {
    return "broker " + env.get("KAFKA_BOOTSTRAP_SERVERS") + ", registry " + env.get("SCHEMA_REGISTRY_URL")
        + ", user-service " + env.get("USER_SERVICE_URL") + ", auth-service " + env.get("AUTH_SERVICE_URL");
  }

  @Override
  public ServiceClient userService() {
    return new ServiceClient(URI.create(env.get("USER_SERVICE_URL")), env.get("ADMIN_TOKEN"));
  }

  @Override
  public ServiceClient authService() {
    return new ServiceClient(URI.create(env.get("AUTH_SERVICE_URL")), env.get("ADMIN_TOKEN"));
  }

  @Override
  public String kafkaBootstrapServers() {
    return env.get("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Override
  public String registryUrl() {
    return env.get("SCHEMA_REGISTRY_URL");
  }

  @Override
  public void stopUserService() throws Exception {
    stackScript(Map.of(), "stop", "user-service");
  }

  @Override
  public void startUserService(Map<String, String> extra) throws Exception {
    stackScript(extra, "start", "user-service");
  }

  @Override
  public void stopAuthService() throws Exception {
    stackScript(Map.of(), "stop", "auth-service");
  }

  @Override
  public void startAuthService(Map<String, String> extra) throws Exception {
    stackScript(extra, "start", "auth-service");
  }

  @Override
  public ServiceJar startAuthInstance(String database, Map<String, String> extra) throws Exception {
    return AuthInstance.startOnNewDatabase(root.resolve("example-auth/target/auth-service.jar"),
        env.get("AUTH_DB_URL"), kafkaBootstrapServers(), registryUrl(), env.get("USER_SERVICE_URL"),
        env.get("ADMIN_TOKEN"), database, extra);
  }

  /** {@code demo/stack.sh ARGS --data-dir DIR}, e.g. {@code start auth-service --instance 2}; fails when it fails. */
  void script(String... args) throws Exception {
    stackScript(Map.of(), args);
  }

  /** stack.env as the last command left it. */
  Map<String, String> env() {
    return env;
  }

  /** Runs {@code demo/stack.sh ARGS --data-dir DIR} (its output to DIR/logs/stack.log), then reads stack.env. */
  private void stackScript(Map<String, String> extra, String... args) throws Exception {
    Path log = dataDir.resolve("logs").resolve("stack.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command(args)).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(extra);
    Process script = builder.start();
    if (!script.waitFor(SCRIPT_MINUTES, TimeUnit.MINUTES)) {
      script.destroyForcibly();
      throw new AssertionError("demo/stack.sh " + String.join(" ", args) + " took over " + SCRIPT_MINUTES
          + " minutes; see " + log);
    }
    if (script.exitValue() != 0) {
      throw new AssertionError("demo/stack.sh " + String.join(" ", args) + " failed (exit " + script.exitValue()
          + "); the end of " + log + ":\n" + tail(log));
    }
    env = readEnv(dataDir.resolve("stack.env"));
  }

  private List<String> command(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("demo/stack.sh").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--data-dir", dataDir.toString()));
    return command;
  }

  /** demo/stack.sh's {@code stack.env}: {@code KEY=value} lines. */
  static Map<String, String> readEnv(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return values;
  }

  static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
