package dev.handshake.core.deploy;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.SimilarNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The environments directory (default {@code environments/}): one {@code <name>.json} per environment. Git is
 * the audit log; every write replaces the file atomically (a temporary file in the same directory, then a
 * move), so a reader never sees half a file and a failed write leaves the old one.
 */
public final class EnvironmentFiles {
  public static final String DEFAULT_DIRECTORY = "environments";
  private final Path directory;

  public EnvironmentFiles(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  public Path file(String environment) {
    return directory.resolve(EnvironmentNames.requireName(environment, "environment", "--env/--to") + ".json");
  }

  /** Whether {@code <environment>.json} is there (a name that is not a name is bad input). */
  public boolean exists(String environment) {
    return Files.isRegularFile(file(environment));
  }

  /** Reads an environment that must exist (can-i-deploy): a missing file names the environments there are. */
  public Environment read(String environment) {
    Path file = file(environment);
    if (!Files.isRegularFile(file)) {
      List<String> close = SimilarNames.closeTo(environment, names());
      throw new InvalidInputException("there is no environment \"" + environment + "\": " + file + " does not "
          + "exist (environments there: " + names() + ")." + (close.isEmpty() ? "" : " Did you mean \""
          + close.get(0) + "\"?") + " Record a deployment first: handshake record-deployment "
          + "--env " + environment + " --service NAME --version V");
    }
    return parse(file, environment);
  }

  /** Reads, changes and atomically rewrites one environment; a missing file starts empty. */
  public Environment update(String environment, UnaryOperator<Environment> change) {
    Path file = file(environment);
    Environment current = Files.isRegularFile(file) ? parse(file, environment) : Environment.empty(environment);
    Environment changed = change.apply(current);
    write(file, new EnvironmentWriter().write(changed));
    return changed;
  }

  /** The environment names the directory holds, sorted. */
  public List<String> names() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
    } catch (IOException e) {
      throw new HandshakeIOException("cannot list the environments in " + directory, e);
    }
  }

  /** The text a file for {@code environment} holds (what {@link #update} writes). */
  public static String render(Environment environment) {
    return new EnvironmentWriter().write(environment);
  }

  private static Environment parse(Path file, String environment) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HandshakeIOException("cannot read the environment file " + file, e);
    }
    return new EnvironmentReader().read(file.toString(), environment, text);
  }

  private void write(Path file, String text) {
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new HandshakeIOException("cannot write the environment file " + file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the move succeeded or the write already failed with its own cause
        }
      }
    }
  }
}
