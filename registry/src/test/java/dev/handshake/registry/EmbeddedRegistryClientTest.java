package dev.handshake.registry;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The client contract suite against the embedded registry, started in-process on a free port. */
class EmbeddedRegistryClientTest extends RegistryClientContractTest {
  @TempDir
  static Path dataDir;
  private static RegistryServer server;

  @BeforeAll
  static void start() throws IOException {
    server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0));
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Override
  protected String registryUrl() {
    return server.url();
  }
}
