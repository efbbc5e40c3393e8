package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry serve} start-up failures: what is wrong, what to do, the exit code, nothing left behind. */
class RegistryServeCommandTest {
  @TempDir
  Path dir;

  private record Result(int exitCode, String err) {
  }

  private static Result serve(String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "registry";
    command[1] = "serve";
    System.arraycopy(args, 0, command, 2, args.length);
    StringWriter err = new StringWriter();
    int code = HandshakeCli.run(command, new PrintWriter(new StringWriter()), new PrintWriter(err));
    return new Result(code, err.toString());
  }

  @Test
  void aFileAsDataDirIsBadInputNamingTheFileAndWhatToPass() throws Exception {
    Path file = Files.writeString(dir.resolve("registry.txt"), "x");

    Result result = serve("--data-dir", file.toString(), "--port", "0");

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains(file.toString()).contains("is a file, not a directory")
        .contains("Pass a directory");
  }

  @Test
  void aPortInUseExitsThreeNamingThePortAndLeavesNoDataDirectory() throws Exception {
    Path dataDir = dir.resolve("store");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result result = serve("--data-dir", dataDir.toString(), "--port", Integer.toString(taken.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_UNREACHABLE);
      assertThat(result.err()).contains(Integer.toString(taken.getLocalPort())).contains("another --port");
    }
    assertThat(dataDir).doesNotExist();
  }
}
