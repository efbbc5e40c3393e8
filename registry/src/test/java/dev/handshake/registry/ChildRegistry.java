package dev.handshake.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A registry in its own JVM (this test classpath), for tests that kill it or let it die: it is the only way to
 * test SIGKILL and an exit on OutOfMemoryError. Reads stdout and stderr on daemon threads; {@link #close}
 * destroys the process, so none survives a failing test.
 */
final class ChildRegistry implements AutoCloseable {
  private static final long DEADLINE_SECONDS = 120;

  private final Process process;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();
  private final String url;

  private ChildRegistry(Process process) throws Exception {
    this.process = process;
    pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), stdout::add);
    pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
        line -> stderr.append(line).append('\n'));
    String listening = awaitLine("listening on ");
    this.url = listening.substring("listening on ".length()).trim();
  }

  /** {@link RegistryServer}'s own main on {@code dataDir}, port 0. */
  static ChildRegistry server(Path dataDir, String... jvmOptions) throws Exception {
    return start(RegistryServer.class, List.of(jvmOptions), "--data-dir", dataDir.toString(), "--port", "0");
  }

  /** Any main class of this test classpath that prints {@code listening on URL}. */
  static ChildRegistry start(Class<?> main, List<String> jvmOptions, String... args) throws Exception {
    return start(List.of(), main, jvmOptions, args);
  }

  /** {@link RegistryServer}'s main on {@code dataDir} in a process allowed {@code maxOpenFiles} descriptors. */
  static ChildRegistry serverWithFileLimit(Path dataDir, int maxOpenFiles, String... jvmOptions) throws Exception {
    // exec: the shell becomes the JVM, so killing the process kills the registry.
    return start(List.of("bash", "-c", "ulimit -n " + maxOpenFiles + " && exec \"$0\" \"$@\""),
        RegistryServer.class, List.of(jvmOptions), "--data-dir", dataDir.toString(), "--port", "0");
  }

  private static ChildRegistry start(List<String> launcher, Class<?> main, List<String> jvmOptions,
                                     String... args) throws Exception {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    try {
      return new ChildRegistry(process);
    } catch (Exception | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static void pump(BufferedReader reader, java.util.function.Consumer<String> into) {
    Thread thread = new Thread(() -> {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          into.accept(line);
        }
      } catch (IOException e) {
        // The process ended.
      }
    }, "child-registry-output");
    thread.setDaemon(true);
    thread.start();
  }

  /** The first stdout line (from now on) starting with {@code prefix}; fails after the deadline. */
  String awaitLine(String prefix) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (System.nanoTime() < end) {
      String line = stdout.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !process.isAlive()) {
        break;
      }
    }
    throw new AssertionError("no line starting with \"" + prefix + "\" from the registry process; stderr: "
        + stderr);
  }

  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Descriptors the process holds open now (Linux). */
  long openFiles() throws IOException {
    try (var fds = java.nio.file.Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
      return fds.count();
    }
  }

  String url() {
    return url;
  }

  String stderr() {
    return stderr.toString();
  }

  /** SIGKILL, as a crash or power cut would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the registry process did not die");
    }
  }

  /** Waits (up to the deadline) for the process to end on its own and returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the registry process is still running; stderr: " + stderr);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
