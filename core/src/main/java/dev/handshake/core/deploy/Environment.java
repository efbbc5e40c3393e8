package dev.handshake.core.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What is deployed in one environment ({@code environments/<name>.json}): each service with the version(s)
 * running there. Services are kept sorted by name, so the file a change writes differs only where it changed.
 */
public record Environment(String name, List<DeployedService> services) {
  public Environment {
    services = services.stream().sorted(Comparator.comparing(DeployedService::name)).toList();
  }

  public static Environment empty(String name) {
    return new Environment(name, List.of());
  }

  public Optional<DeployedService> service(String serviceName) {
    return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
  }

  /** This environment with {@code service} in place of the one of the same name (or added). */
  Environment with(DeployedService service) {
    List<DeployedService> kept = new ArrayList<>(services.stream().filter(s -> !s.name().equals(service.name()))
        .toList());
    if (!service.versions().isEmpty()) {
      kept.add(service);
    }
    return new Environment(name, kept);
  }
}
