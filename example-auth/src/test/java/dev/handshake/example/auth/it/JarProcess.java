package dev.handshake.example.auth.it;

import dev.handshake.testsupport.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A service's shaded jar started as a child JVM with {@code env}, ready once it prints its listening line. */
final class JarProcess {
  static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private JarProcess() {
  }

  static ServerProcess start(String name, Path jar, Map<String, String> env) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first "
          + "(./mvnw -pl example-auth -am verify builds it)");
    }
    List<String> command = new ArrayList<>();
    command.add("env");
    env.forEach((variable, value) -> command.add(variable + "=" + value));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    return ServerProcess.start(name, command, LISTENING, Duration.ofMinutes(3));
  }
}
