package dev.handshake.core.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Names files as the repository root does, for GitHub annotations (GitHub resolves {@code file=} from the
 * repository root, so {@code ../schemas/x.avsc} relative to a module points nowhere). The root is the
 * configured one, else the nearest directory above the module holding {@code .git} (a directory, or a file in a
 * worktree), else Maven's multi-module project directory, else the module itself.
 */
public final class RepositoryPaths implements Function<String, Optional<String>> {
  private final Path basedir;
  private final Path root;

  private RepositoryPaths(Path basedir, Path root) {
    this.basedir = basedir.toAbsolutePath().normalize();
    this.root = root.toAbsolutePath().normalize();
  }

  public static RepositoryPaths of(Path basedir, Path configuredRoot, Path multiModuleProjectDirectory) {
    if (configuredRoot != null) {
      return new RepositoryPaths(basedir, configuredRoot);
    }
    for (Path dir = basedir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return new RepositoryPaths(basedir, dir);
      }
    }
    return new RepositoryPaths(basedir, multiModuleProjectDirectory != null ? multiModuleProjectDirectory : basedir);
  }

  public Path root() {
    return root;
  }

  /** {@code file} as findings name it (relative to the module, or absolute) → relative to the root. */
  @Override
  public Optional<String> apply(String file) {
    Path path;
    try {
      path = basedir.resolve(file).normalize();
    } catch (RuntimeException notAPath) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(path) || !path.startsWith(root)) {
      return Optional.empty();
    }
    return Optional.of(root.relativize(path).toString().replace('\\', '/'));
  }
}
