package dev.handshake.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code handshake ARGS} as a user runs it: the CLI's jar ({@code cli/target/handshake.jar}) in its own JVM, in the
 * repository's root, so the story shows the commands as docs/can-i-retire.md gives them.
 */
final class HandshakeCommand {
  private static final long TIMEOUT_SECONDS = 120;
  private final Path root;
  private final Path output;

  /** {@code output}: the file each run's output is written to (kept for a failed step). */
  HandshakeCommand(Path root, Path output) {
    this.root = root;
    this.output = output;
  }

  record Result(int exitCode, String output) {
  }

  Result run(String... args) throws Exception {
    Path jar = root.resolve("cli/target/handshake.jar");
    StorySteps.check(Files.isRegularFile(jar), jar + " is missing; run ./mvnw -B package -DskipTests -pl cli -am");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Files.createDirectories(output.getParent());
    Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("handshake " + String.join(" ", args) + " took over " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), Files.readString(output));
  }
}
