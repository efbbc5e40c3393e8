package dev.handshake.core.tasks;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.util.ArrayList;
import java.util.List;

/** {@code compat}: the candidate (the last file) against the earlier versions under a level, with no registry. */
public final class CompatTask {
  private final CompatConfiguration config;

  public CompatTask(CompatConfiguration config) {
    this.config = config;
  }

  public CompatibilityReport run() {
    if (config.versions().isEmpty()) {
      throw new InvalidInputException("compat needs the candidate schema file, after any earlier versions");
    }
    SchemaLoader loader = new SchemaLoader();
    List<SchemaFile> referenceFiles = loader.loadReferences(config.references());
    int candidateIndex = config.versions().size() - 1;
    List<SchemaVersion> earlier = new ArrayList<>();
    for (int i = 0; i < candidateIndex; i++) {
      earlier.add(new SchemaVersion("v" + (i + 1), loader.load(config.versions().get(i), referenceFiles)));
    }
    SchemaVersion candidate = new SchemaVersion("candidate v" + (candidateIndex + 1),
        loader.load(config.versions().get(candidateIndex), referenceFiles));
    return new CompatibilityChecker().check(config.level(), earlier, candidate);
  }
}
