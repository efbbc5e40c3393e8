package dev.handshake.core.deploy;

import dev.handshake.core.contract.ContractArchives;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.files.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the contracts a recorded version published: a path relative to the environment file, or an artifact
 * the front end resolves (Maven's resolver in the goal, the local repository in the CLI). Contracts that cannot
 * be found are not an error: the counterpart's verdict is "unknown".
 */
public final class RecordedContracts {
  /** The front end's way to a contracts artifact's file. */
  public interface ArtifactFiles {
    /** The artifact's file, or empty with {@code why} told what was tried. */
    Optional<Path> resolve(ArtifactCoordinates coordinates, List<String> why);
  }

  /** The contracts found, or empty and why not. */
  public record Lookup(Optional<List<ContractSource>> contracts, String missing) {
    static Lookup found(List<ContractSource> contracts) {
      return new Lookup(Optional.of(List.copyOf(contracts)), "");
    }

    static Lookup missing(String why) {
      return new Lookup(Optional.empty(), why);
    }
  }

  private final Path environmentsDirectory;
  private final Path unpackDirectory;
  private final Path displayBase;
  private final ArtifactFiles artifacts;

  public RecordedContracts(Path environmentsDirectory, Path unpackDirectory, Path displayBase,
                           ArtifactFiles artifacts) {
    this.environmentsDirectory = environmentsDirectory;
    this.unpackDirectory = unpackDirectory;
    this.displayBase = displayBase;
    this.artifacts = artifacts;
  }

  public Lookup find(ServiceVersion version) throws IOException {
    if (version.contractsPath().isPresent()) {
      return fromPath(version.contractsPath().get());
    }
    if (version.contractsArtifact().isPresent()) {
      return fromArtifact(version.contractsArtifact().get());
    }
    return Lookup.missing("no contracts recorded (record the version with --contracts)");
  }

  private Lookup fromPath(String recorded) throws IOException {
    Path path = environmentsDirectory.resolve(recorded).normalize();
    if (Files.isRegularFile(path)) {
      return Lookup.found(List.of(new ContractSource(path, ProjectPaths.display(path, displayBase))));
    }
    if (!Files.isDirectory(path)) {
      return Lookup.missing("contracts path " + ProjectPaths.display(path, displayBase) + " does not exist");
    }
    List<ContractSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(path)) {
      files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
          .forEach(p -> sources.add(new ContractSource(p, ProjectPaths.display(p, displayBase))));
    }
    return sources.isEmpty() ? Lookup.missing("contracts path " + ProjectPaths.display(path, displayBase)
        + " holds no *.json") : Lookup.found(sources);
  }

  private Lookup fromArtifact(String recorded) throws IOException {
    ArtifactCoordinates coordinates = ArtifactCoordinates.parse(recorded, "contractsArtifact");
    List<String> why = new ArrayList<>();
    Optional<Path> file = artifacts.resolve(coordinates, why);
    if (file.isEmpty()) {
      return Lookup.missing("contracts artifact " + recorded + " not found" + (why.isEmpty() ? "" : ": "
          + String.join("; ", why)));
    }
    if (coordinates.type().equals("json")) {
      return Lookup.found(List.of(new ContractSource(file.get(), recorded)));
    }
    Path target = unpackDirectory.resolve(coordinates.groupId() + "_" + coordinates.artifactId() + "_"
        + coordinates.version() + (coordinates.classifier().isEmpty() ? "" : "_" + coordinates.classifier()));
    List<ContractSource> sources = ContractArchives.unpack(file.get(), target, recorded);
    return sources.isEmpty() ? Lookup.missing("contracts artifact " + recorded + " holds no *.json")
        : Lookup.found(sources);
  }

  /** The CLI's artifact files: a Maven repository's layout on disk (the local one, {@code ~/.m2/repository}). */
  public static ArtifactFiles mavenRepository(Path repository) {
    return (coordinates, why) -> {
      Path file = coordinates.pathIn(repository);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
      why.add("no " + file);
      return Optional.empty();
    };
  }
}
