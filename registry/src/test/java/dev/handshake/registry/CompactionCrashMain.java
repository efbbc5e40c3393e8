package dev.handshake.registry;

import dev.handshake.registry.store.Compaction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The registry in a child JVM, plus a stdin command {@code compact STAGE} that runs a compaction and stops it at
 * that {@link Compaction.Stage} (printing {@code paused at STAGE}) so the test can kill the process right there.
 */
public final class CompactionCrashMain {
  private CompactionCrashMain() {
  }

  public static void main(String[] args) throws Exception {
    RegistryServer server = RegistryServer.start(RegistryServer.Options.of(Path.of(args[0]), 0));
    System.out.println("listening on " + server.url());
    System.out.flush();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      if (line.startsWith("compact ")) {
        Compaction.Stage pauseAt = Compaction.Stage.valueOf(line.substring("compact ".length()).trim());
        Thread compaction = new Thread(() -> {
          try {
            server.store().compact(stage -> {
              if (stage == pauseAt) {
                System.out.println("paused at " + stage);
                System.out.flush();
                try {
                  Thread.sleep(Long.MAX_VALUE); // until the test kills this process
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
          } catch (Exception e) {
            e.printStackTrace();
          }
        }, "test-compaction");
        compaction.setDaemon(true);
        compaction.start();
      }
    }
  }
}
