package dev.handshake.maven;

import dev.handshake.core.contract.ContractArchives;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.deploy.RecordedContracts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves contract artifacts ({@code groupId:artifactId:version[:classifier][:type]}) with Maven's resolver,
 * like any dependency, and turns them into contract files: a json artifact is one contract; a jar or zip is
 * unpacked and each {@code *.json} in it is a contract.
 */
final class ContractArtifacts {
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final Path unpackDirectory;

  ContractArtifacts(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                    Path unpackDirectory) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
    this.unpackDirectory = unpackDirectory;
  }

  List<ContractSource> resolve(List<String> coordinates) throws MojoFailureException, MojoExecutionException {
    List<ContractSource> sources = new ArrayList<>();
    for (String coordinate : coordinates) {
      if (coordinate == null || coordinate.isBlank()) {
        continue;
      }
      Artifact artifact = parse(coordinate.strip());
      Path file;
      try {
        file = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
            .getArtifact().getFile().toPath();
      } catch (ArtifactResolutionException e) {
        throw new MojoFailureException("Handshake verify could not resolve the contract artifact \"" + coordinate
            + "\" from <contractArtifacts>: " + e.getMessage() + ". Check the coordinates, or publish the "
            + "consumer's contracts (mvn install / deploy in the consumer project) first.", e);
      }
      String label = coordinate.strip();
      if (artifact.getExtension().equals("json")) {
        sources.add(new ContractSource(file, label));
      } else {
        sources.addAll(unpack(file, artifact, label));
      }
    }
    return sources;
  }

  static Artifact parse(String coordinate) throws MojoFailureException {
    String[] parts = coordinate.split(":", -1);
    if (parts.length < 3 || parts.length > 5 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      throw new MojoFailureException("<contractArtifacts> entry \"" + coordinate + "\" is not "
          + "groupId:artifactId:version[:classifier][:type], e.g. dev.handshake.example:auth-service-contracts:1.4.0"
          + " or dev.handshake.example:auth-service:1.4.0:contracts:zip.");
    }
    String classifier = parts.length > 3 ? parts[3] : "";
    String type = parts.length > 4 && !parts[4].isBlank() ? parts[4] : "jar";
    if (!List.of("jar", "zip", "json").contains(type)) {
      throw new MojoFailureException("<contractArtifacts> entry \"" + coordinate + "\" has type \"" + type
          + "\"; contracts are published as jar, zip or json.");
    }
    return new DefaultArtifact(parts[0], parts[1], classifier, type, parts[2]);
  }

  private List<ContractSource> unpack(Path archive, Artifact artifact, String label) throws MojoExecutionException {
    Path target = unpackDirectory.resolve(artifact.getGroupId() + "_" + artifact.getArtifactId() + "_"
        + artifact.getVersion() + (artifact.getClassifier().isEmpty() ? "" : "_" + artifact.getClassifier()));
    try {
      return ContractArchives.unpack(archive, target, label);
    } catch (IOException e) {
      throw new MojoExecutionException("Handshake verify could not unpack the contract artifact " + label
          + " (" + archive + ")", e);
    }
  }

  /**
   * The artifacts can-i-deploy finds recorded in an environment file, resolved as this goal resolves
   * {@code <contractArtifacts>}; one that cannot be resolved makes its counterpart "unknown", not an error.
   */
  RecordedContracts.ArtifactFiles artifactFiles() {
    return (coordinates, why) -> {
      Artifact artifact = new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(),
          coordinates.classifier(), coordinates.type(), coordinates.version());
      try {
        return Optional.of(system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
            .getArtifact().getFile().toPath());
      } catch (ArtifactResolutionException e) {
        why.add(e.getMessage());
        return Optional.empty();
      }
    };
  }
}
