package dev.handshake.core.deploy;

import dev.handshake.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A contracts artifact's Maven coordinates, {@code groupId:artifactId:version[:classifier][:type]} (type jar,
 * zip or json; default jar), as {@code <contractArtifacts>} and the environment files write them.
 */
public record ArtifactCoordinates(String groupId, String artifactId, String version, String classifier,
                                  String type) {
  public static final List<String> TYPES = List.of("jar", "zip", "json");
  public static final String FORM = "groupId:artifactId:version[:classifier][:type], e.g. "
      + "dev.handshake.example:auth-service-contracts:1.4.0 or dev.handshake.example:auth-service:1.4.0:contracts:zip";

  /** Parses coordinates; {@code where} names the file and field or the option they came from. */
  public static ArtifactCoordinates parse(String text, String where) {
    Optional<ArtifactCoordinates> parsed = tryParse(text);
    if (parsed.isEmpty()) {
      throw new InvalidInputException(where + ": \"" + text + "\" is not " + FORM + " (type one of " + TYPES
          + ").");
    }
    return parsed.get();
  }

  /** Coordinates when {@code text} has their form (three to five parts, no path separators), else empty. */
  public static Optional<ArtifactCoordinates> tryParse(String text) {
    if (text == null || text.contains("/") || text.contains("\\")) {
      return Optional.empty();
    }
    String[] parts = text.strip().split(":", -1);
    if (parts.length < 3 || parts.length > 5 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      return Optional.empty();
    }
    String classifier = parts.length > 3 ? parts[3] : "";
    String type = parts.length > 4 && !parts[4].isBlank() ? parts[4] : "jar";
    if (!TYPES.contains(type)) {
      return Optional.empty();
    }
    return Optional.of(new ArtifactCoordinates(parts[0], parts[1], parts[2], classifier, type));
  }

  /** Where the artifact is in a Maven repository's layout ({@code ~/.m2/repository}). */
  public Path pathIn(Path repository) {
    Path directory = repository;
    for (String segment : groupId.split("\\.")) {
      directory = directory.resolve(segment);
    }
    return directory.resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + type);
  }
}
