package dev.handshake.core.tasks;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code usage} needs from a front end ({@code handshake usage}).
 *
 * @param contracts        contract files, or directories searched for {@code *.json}
 * @param contractsSetting how the front end names them in errors
 * @param schemas          the producer's writer schemas ({@code history/} in or beside it: previous versions)
 * @param schemasSetting   how the front end names it in errors
 * @param provider         only contracts with this provider, or null for all
 * @param providerSetting  how the front end names the provider in errors
 * @param baseDirectory    paths are resolved against it and displayed relative to it
 */
public record UsageConfiguration(List<Path> contracts, String contractsSetting, Path schemas, String schemasSetting,
                                 String provider, String providerSetting,
                                 Path baseDirectory) {
  public UsageConfiguration {
    contracts = List.copyOf(contracts);
  }
}
