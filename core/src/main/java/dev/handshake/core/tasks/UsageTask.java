package dev.handshake.core.tasks;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.contract.ReadContracts;
import dev.handshake.core.files.ContractFiles;
import dev.handshake.core.gate.WriterSchemas;
import dev.handshake.core.usage.FieldUsageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code usage}: the field-usage map from the contracts and the writer schemas, with no factory or registry. */
public final class UsageTask {
  private final UsageConfiguration config;

  public UsageTask(UsageConfiguration config) {
    this.config = config;
  }

  public FieldUsageReport run() {
    Path base = config.baseDirectory();
    List<ContractSource> sources = ContractFiles.find(config.contracts(), base);
    if (sources.isEmpty()) {
      throw new InvalidInputException(config.contractsSetting() + " " + String.join(" ", config.contracts().stream()
          .map(Path::toString).toList()) + " holds no *.json contract: without contracts every field would look "
          + "safe to remove. Give the directory the consumers' contracts are copied to.");
    }
    Path schemas = base.resolve(config.schemas());
    if (!Files.isDirectory(schemas)) {
      throw new InvalidInputException(config.schemasSetting() + " " + config.schemas() + " is not a directory; give "
          + "the directory that holds the producer's *.avsc files");
    }
    WriterSchemas writers;
    try {
      writers = WriterSchemas.load(schemas, base);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("a writer schema in " + config.schemasSetting() + " " + config.schemas()
          + " is invalid: " + e.getMessage(), e);
    }
    ReadContracts read = ReadContracts.read(sources, config.provider());
    if (read.entries().isEmpty() && config.provider() != null) {
      // as verify: with no contract for the provider, every field would look safe to remove
      throw new InvalidInputException("handshake usage " + read.noContractFor(config.provider(),
          config.providerSetting(), String.join(" ", config.contracts().stream().map(Path::toString).toList())));
    }
    return RemovalLevels.fieldUsage(read, writers, schemas, base);
  }
}
