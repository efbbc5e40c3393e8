package dev.handshake.core.tasks;

import dev.handshake.core.compat.CompatibilityLevel;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code compat} needs from a front end ({@code handshake compat}): schema files checked offline.
 *
 * @param versions   the earlier versions oldest first, then the candidate
 * @param references files defining named types the others use, dependencies first
 */
public record CompatConfiguration(CompatibilityLevel level, List<Path> versions, List<Path> references) {
  public CompatConfiguration {
    versions = List.copyOf(versions);
    references = List.copyOf(references);
  }
}
