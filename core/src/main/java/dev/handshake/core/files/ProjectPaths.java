package dev.handshake.core.files;

import java.nio.file.Path;

/** How every goal names a file in its messages and findings. */
public final class ProjectPaths {
  private ProjectPaths() {
  }

  /**
   * Relative to the project directory, also for files beside it ({@code ../contracts/x.json}), as IDEs and CI
   * annotations link them; absolute only when no relative path exists (another drive).
   */
  public static String display(Path path, Path basedir) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = basedir.toAbsolutePath().normalize();
    try {
      return base.relativize(absolute).toString().replace('\\', '/');
    } catch (IllegalArgumentException differentRoot) {
      return absolute.toString();
    }
  }
}
