package dev.handshake.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry as {@link RegistryServer#main} runs it, plus one test-only endpoint, {@code GET /test/exhaust-heap},
 * whose handler allocates until the (small, {@code -Xmx}) heap is exhausted: a real OutOfMemoryError in a
 * request thread, as a registry that outgrew its heap would see.
 */
public final class OutOfMemoryRegistryMain {
  private static final List<long[]> HOARD = new ArrayList<>();

  private OutOfMemoryRegistryMain() {
  }

  public static void main(String[] args) throws Exception {
    RegistryServer.exitOnOutOfMemory();
    RegistryServer server = RegistryServer.start(RegistryServer.Options.of(Path.of(args[0]), 0), System.err,
        (method, path) -> {
          if (path.equals("/test/exhaust-heap")) {
            while (true) {
              HOARD.add(new long[128 * 1024]);
            }
          }
        });
    System.out.println("listening on " + server.url());
    System.out.flush();
  }
}
