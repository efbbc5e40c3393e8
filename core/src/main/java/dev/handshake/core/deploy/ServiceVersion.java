package dev.handshake.core.deploy;

import java.util.List;
import java.util.Optional;

/**
 * One recorded version of a service and where its counterparts' checks find what it was built with.
 *
 * @param version           the version as the service's build names it (e.g. 1.5.0)
 * @param contractsArtifact the Maven coordinates of the contracts it published as a consumer,
 *                          {@code groupId:artifactId:version[:classifier][:type]}
 * @param contractsPath     or a contract file, or a directory of {@code *.json}, relative to the environment file
 * @param schemasPath       as a producer: the directory of the {@code .avsc} it writes, relative to the file
 * @param subjects          as a producer: the registry subjects it writes to
 */
public record ServiceVersion(String version, Optional<String> contractsArtifact, Optional<String> contractsPath,
                             Optional<String> schemasPath, List<String> subjects) {
  public ServiceVersion {
    subjects = List.copyOf(subjects);
  }

  /** A version recorded without any location: its consumers' and producers' checks answer "unknown". */
  public static ServiceVersion of(String version) {
    return new ServiceVersion(version, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  public boolean hasContracts() {
    return contractsArtifact.isPresent() || contractsPath.isPresent();
  }

  /** How messages name where its contracts are. */
  public String contractsLocation() {
    return contractsArtifact.map(a -> "artifact " + a).or(() -> contractsPath.map(p -> "path " + p))
        .orElse("(none recorded)");
  }
}
