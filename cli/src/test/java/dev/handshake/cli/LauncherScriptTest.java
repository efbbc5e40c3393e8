package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./handshake} launcher, run by bash on a copy of the repository layout whose
 * {@code mvnw} and {@code java} only record that they ran: it must rebuild when any module the jar bundles
 * changed, and only then.
 */
class LauncherScriptTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir
  Path root;

  @Test
  void rebuildsWhenAnyBundledModuleChangedAndOnlyThen() throws Exception {
    Files.copy(REPOSITORY.resolve("handshake"), root.resolve("handshake"));
    Files.copy(REPOSITORY.resolve("pom.xml"), root.resolve("pom.xml"));
    for (String module : new String[] {"core", "registry", "cli", "maven-plugin"}) {
      Files.createDirectories(root.resolve(module).resolve("src/main/java"));
      Files.copy(REPOSITORY.resolve(module).resolve("pom.xml"), root.resolve(module).resolve("pom.xml"));
      Files.writeString(root.resolve(module).resolve("src/main/java/Source.java"), "class Source {}");
    }
    executable(root.resolve("mvnw"), "#!/bin/sh\necho build >> \"$(dirname \"$0\")/builds.log\"\n");
    Path bin = Files.createDirectories(root.resolve("bin"));
    executable(bin.resolve("java"), "#!/bin/sh\nexit 0\n");
    Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("handshake.jar");
    Files.writeString(jar, "jar");
    try (var files = Files.walk(root)) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(60)));
      }
    }
    Files.setLastModifiedTime(jar, FileTime.from(BUILT));

    launch();
    assertThat(builds()).as("nothing changed").isZero();

    touch(root.resolve("maven-plugin/src/main/java/Source.java"));
    launch();
    assertThat(builds()).as("the plugin is not in the jar").isZero();

    touch(root.resolve("registry/src/main/java/Source.java"));
    launch();
    assertThat(builds()).as("registry is in the jar").isEqualTo(1);

    Files.setLastModifiedTime(root.resolve("registry/src/main/java/Source.java"), FileTime.from(BUILT.minusSeconds(1)));
    touch(root.resolve("core/pom.xml"));
    launch();
    assertThat(builds()).as("a bundled module's pom").isEqualTo(2);
  }

  private void launch() throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("handshake").toString(), "--version")
        .redirectErrorStream(true).redirectOutput(root.resolve("launch.log").toFile());
    builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(root.resolve("launch.log"))).isZero();
  }

  private long builds() throws IOException {
    Path log = root.resolve("builds.log");
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  private static void touch(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(BUILT.plusSeconds(60)));
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
