package dev.handshake.core.deploy;

import dev.handshake.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three ways an environment changes, with the Pact broker's semantics: a deployment replaces whatever
 * version of the service was recorded; a release is added beside the others (re-recording a release replaces
 * its locations); an undeployment removes one version, or the service.
 */
public final class EnvironmentChanges {
  private EnvironmentChanges() {
  }

  public static Environment recordDeployment(Environment environment, String service, ServiceVersion version) {
    return environment.with(new DeployedService(service, List.of(version)));
  }

  public static Environment recordRelease(Environment environment, String service, ServiceVersion version) {
    List<ServiceVersion> versions = new ArrayList<>(environment.service(service).map(DeployedService::versions)
        .orElse(List.of()));
    int existing = indexOf(versions, version.version());
    if (existing >= 0) {
      versions.set(existing, version);
    } else {
      versions.add(version);
    }
    return environment.with(new DeployedService(service, versions));
  }

  /** Removes {@code version} of the service, or every version of it when empty. */
  public static Environment recordUndeployment(Environment environment, String service, Optional<String> version) {
    DeployedService deployed = environment.service(service).orElseThrow(() -> new InvalidInputException(
        "service \"" + service + "\" is not recorded in environment \"" + environment.name() + "\"; recorded: "
            + environment.services().stream().map(DeployedService::name).toList() + "."));
    if (version.isEmpty()) {
      return environment.with(new DeployedService(service, List.of()));
    }
    List<ServiceVersion> versions = new ArrayList<>(deployed.versions());
    int index = indexOf(versions, version.get());
    if (index < 0) {
      throw new InvalidInputException("version " + version.get() + " of \"" + service + "\" is not recorded in "
          + "environment \"" + environment.name() + "\"; recorded: "
          + versions.stream().map(ServiceVersion::version).toList() + ". Give one of those, or no --version to "
          + "remove the service.");
    }
    versions.remove(index);
    return environment.with(new DeployedService(service, versions));
  }

  private static int indexOf(List<ServiceVersion> versions, String version) {
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).version().equals(version)) {
        return i;
      }
    }
    return -1;
  }
}
