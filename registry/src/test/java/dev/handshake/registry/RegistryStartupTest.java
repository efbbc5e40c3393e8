package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.store.StoreLog;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures say what is wrong and what to do, and leave nothing behind (issue 7, item 14). */
class RegistryStartupTest {
  @TempDir
  Path dir;

  @Test
  void aPortInUseFailsNamingItAndCreatesNoDataDirectory() throws Exception {
    Path dataDir = dir.resolve("fresh");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> RegistryServer.start(RegistryServer.Options.of(dataDir, taken.getLocalPort())))
          .isInstanceOf(BindException.class)
          .hasMessageContaining(":" + taken.getLocalPort())
          .hasMessageContaining("--port");
    }
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void aPortInUseLeavesAnExistingStoreUntouched() throws Exception {
    Path dataDir = dir.resolve("kept");
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry.of(server.url()).register("s", RegistrySchema.of(RegistryClientContractTest.V1));
      long size = Files.size(dataDir.resolve(StoreLog.FILE_NAME));
      assertThatThrownBy(() -> RegistryServer.start(RegistryServer.Options.of(dir.resolve("other"), server.port())))
          .isInstanceOf(BindException.class);
      assertThat(dir.resolve("other")).doesNotExist();
      assertThat(Files.size(dataDir.resolve(StoreLog.FILE_NAME))).isEqualTo(size);
    }
  }

  @Test
  void aFileAsDataDirectoryIsNamedAsAFileWithWhatToPassInstead() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a store");

    assertThatThrownBy(() -> RegistryServer.start(RegistryServer.Options.of(file, 0)))
        .isInstanceOf(RegistryServer.NotADirectoryException.class)
        .hasMessageContaining("--data-dir " + file + " is a file, not a directory")
        .hasMessageContaining("Pass a directory");
    assertThatThrownBy(() -> RegistryServer.start(RegistryServer.Options.of(file.resolve("store"), 0)))
        .isInstanceOf(RegistryServer.NotADirectoryException.class)
        .hasMessageContaining("lies under " + file + ", which is a file");
    assertThat(Files.readString(file)).isEqualTo("not a store");
  }
}
