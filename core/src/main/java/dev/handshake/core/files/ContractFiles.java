package dev.handshake.core.files;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.contract.ContractSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the gate and the usage map find contracts: files given directly, and every *.json under directories. */
public final class ContractFiles {
  private ContractFiles() {
  }

  /**
   * Contract files given directly, and every {@code *.json} under the directories given, each sorted; a missing
   * location holds none. Paths are resolved against {@code base} and displayed relative to it.
   */
  public static List<ContractSource> find(List<Path> locations, Path base) {
    List<ContractSource> sources = new ArrayList<>();
    for (Path location : locations) {
      Path path = base.resolve(location);
      if (Files.isRegularFile(path)) {
        sources.add(new ContractSource(path, ProjectPaths.display(path, base)));
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
              .forEach(p -> sources.add(new ContractSource(p, ProjectPaths.display(p, base))));
        } catch (IOException e) {
          throw new HandshakeIOException("Handshake could not list contracts in " + path, e);
        }
      }
    }
    return sources;
  }
}
