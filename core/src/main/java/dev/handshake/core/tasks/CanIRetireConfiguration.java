package dev.handshake.core.tasks;

import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.deploy.RecordedContracts;
import java.nio.file.Path;

/**
 * What {@code can-i-retire} needs from a front end (the goal, {@code handshake can-i-retire}).
 *
 * @param producer        the producer whose topic would be retired, as contracts name their provider
 * @param producerOrigin  where the front end took {@code producer} from ({@code --producer}, {@code <service>}...)
 * @param topic           the Kafka topic it would stop publishing
 * @param environment     the environment asked about ({@code <environments>/<environment>.json})
 * @param environments    the environments directory
 * @param artifacts       how the front end finds a contracts artifact recorded by Maven coordinates
 * @param baseDirectory   the base messages show paths from
 * @param unpackDirectory where contracts archives recorded as artifacts are unpacked
 * @param reportDirectory where {@code can-i-retire.json} is written
 */
public record CanIRetireConfiguration(String producer, String producerOrigin, String topic, String environment,
                                      EnvironmentFiles environments, RecordedContracts.ArtifactFiles artifacts,
                                      Path baseDirectory, Path unpackDirectory, Path reportDirectory) {
}
