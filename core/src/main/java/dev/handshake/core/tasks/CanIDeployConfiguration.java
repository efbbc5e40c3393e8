package dev.handshake.core.tasks;

import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.deploy.RecordedContracts;
import dev.handshake.core.registry.SchemaRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code can-i-deploy} needs from a front end (the goal, {@code handshake can-i-deploy}).
 *
 * @param service          the service to deploy, as the environment files and contracts name it; when blank, the
 *                         consumer name its own contracts carry (one name, or the task refuses)
 * @param serviceOrigin    where the front end took {@code service} from ({@code <providerName>}), for the report
 * @param version          its version (shown in the answer; the code checked is the one built here)
 * @param environment      where it would be deployed ({@code <environments>/<environment>.json})
 * @param environments     the environments directory
 * @param artifacts        how the front end finds a contracts artifact recorded by Maven coordinates
 * @param gate             the producer side: the gate as {@code verify} runs it (its contract locations are not
 *                         used: the contracts are those of the consumer versions deployed in the environment);
 *                         its report directory also receives can-i-deploy.json
 * @param ownContracts     the consumer side: where this service's own contracts are (those it wrote as consumer)
 * @param registry         when present, each of {@code subjects} is checked against it (producer side), and a
 *                         producer recorded with subjects is read from it (consumer side)
 * @param subjects         the producer's subjects and the schema file each gets, for the registry check
 * @param ignoreUnknown    a counterpart whose contracts or schemas cannot be found does not make the answer no
 */
public record CanIDeployConfiguration(String service, String serviceOrigin, String version, String environment,
                                      EnvironmentFiles environments, RecordedContracts.ArtifactFiles artifacts,
                                      VerifyConfiguration gate, List<Path> ownContracts,
                                      Optional<SchemaRegistry> registry, Map<String, Path> subjects,
                                      boolean ignoreUnknown) {
  public CanIDeployConfiguration {
    ownContracts = List.copyOf(ownContracts);
    subjects = Map.copyOf(subjects);
  }

  /** The same question about the service under a name the task found ({@code origin} says where). */
  CanIDeployConfiguration withService(String name, String origin) {
    return new CanIDeployConfiguration(name, origin, version, environment, environments, artifacts, gate,
        ownContracts, registry, subjects, ignoreUnknown);
  }

  Path reportDirectory() {
    return gate.baseDirectory().resolve(gate.reportDirectory());
  }
}
