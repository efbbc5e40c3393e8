package dev.handshake.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * demo/gate-demo.sh applies demo/*.patch to scratch copies of user-service; a patch that no longer applies to the
 * code as it is stops the demo the README starts with. Checked here, on every build, so such a change cannot land.
 */
class DemoPatchesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static List<Path> patches() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("demo"))) {
      return files.filter(file -> file.toString().endsWith(".patch")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("patches")
  void eachDemoPatchAppliesToTheCodeAsItIs(Path patch) throws Exception {
    Process git = new ProcessBuilder("git", "apply", "--check", "--verbose", ROOT.relativize(patch).toString())
        .directory(ROOT.toFile()).redirectErrorStream(true).start();
    boolean exited = git.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      git.destroyForcibly();
    }
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).as("git apply --check finished").isTrue();
    assertThat(git.exitValue())
        .as("git apply --check %s (update the patch to the code as it is, so demo/gate-demo.sh runs):%n%s",
            ROOT.relativize(patch), output)
        .isZero();
  }
}
