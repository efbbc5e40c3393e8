package dev.handshake.core.deploy;

import java.util.List;
import java.util.Optional;

/**
 * A service in an environment and the versions recorded there, in the order they were recorded: one after
 * {@code record-deployment}, several after {@code record-release} (libraries, mobile apps, anything whose old
 * versions stay in use).
 */
public record DeployedService(String name, List<ServiceVersion> versions) {
  public DeployedService {
    versions = List.copyOf(versions);
  }

  public Optional<ServiceVersion> version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }
}
