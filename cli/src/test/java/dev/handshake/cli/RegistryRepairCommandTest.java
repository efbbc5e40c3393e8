package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.RegistryServer;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry repair}: cuts a corrupted log explicitly and says what it did; refuses a wrong directory. */
class RegistryRepairCommandTest {
  @TempDir
  Path dir;

  private record Result(int exitCode, String out, String err) {
  }

  private static Result repair(Path dataDir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HandshakeCli.run(new String[] {"registry", "repair", "--data-dir", dataDir.toString()},
        new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aCorruptedLogIsCutAndTheRegistryStartsAgain() throws Exception {
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      for (int i = 0; i < 20; i++) {
        client.register("s" + i, RegistrySchema.of("{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":4}"));
      }
    }
    Path log = dir.resolve("registry.log");
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
      long middle = file.length() / 2;
      file.seek(middle);
      int b = file.read();
      file.seek(middle);
      file.write(b ^ 0x10);
    }

    Result result = repair(dir);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(HandshakeCli.EXIT_OK);
    assertThat(result.out()).contains("cut ").contains("registry.log.cut-");
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dir, 0))) {
      assertThat(RestSchemaRegistry.of(server.url()).register("new",
          RegistrySchema.of("{\"type\":\"fixed\",\"name\":\"New\",\"size\":4}"))).isGreaterThan(20);
    }
  }

  @Test
  void aDirectoryWithoutALogIsBadInputNamingIt() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Result result = repair(empty);

    assertThat(result.exitCode()).isEqualTo(HandshakeCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains(empty.toString()).contains("no registry.log");
  }
}
