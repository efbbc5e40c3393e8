package dev.handshake.example.users;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.contract.ContractReader;
import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who reads user-service's topics, from the consumer contracts: those in {@code CONSUMER_CONTRACTS_DIR}, else the
 * ones the jar was built with (the repository's contracts/, copied to {@code consumer-contracts/}). Each consumer's
 * group id is its contract's consumer name unless {@code CONSUMER_GROUPS} maps it ({@code name=group,...}): auth's
 * contract says {@code auth-service}, and so does its default {@code CONSUMER_GROUP}.
 */
final class ConsumerContracts {
  static final String DIR = "CONSUMER_CONTRACTS_DIR";
  static final String GROUPS = "CONSUMER_GROUPS";
  static final String PROVIDER = "user-service";
  private static final String PACKAGED = "/consumer-contracts";
  /** A contract is a few kilobytes; a file past this is no contract of ours. */
  static final long MAX_CONTRACT_BYTES = 4L << 20;
  private static final String GROUP_ID = "[A-Za-z0-9._-]{1,249}";

  private ConsumerContracts() {}

  /** Every (consumer, group, topic) whose contract with user-service names one of {@code topics}. */
  static List<WatchedConsumer> read(Settings settings, List<String> topics) {
    Map<String, String> groups = groups(settings);
    List<MessageContract> contracts = settings.path(DIR).map(ConsumerContracts::fromDirectory)
        .orElseGet(ConsumerContracts::packaged);
    Set<WatchedConsumer> watched = new LinkedHashSet<>();
    for (MessageContract contract : contracts) {
      if (!PROVIDER.equals(contract.provider())) {
        continue;
      }
      String group = groups.getOrDefault(contract.consumer(), contract.consumer());
      for (MessageInteraction interaction : contract.interactions()) {
        String topic = interaction.metadata().get(MessageInteraction.TOPIC);
        if (topic != null && topics.contains(topic)) {
          watched.add(new WatchedConsumer(contract.consumer(), group, topic));
        }
      }
    }
    return List.copyOf(watched);
  }

  private static Map<String, String> groups(Settings settings) {
    Map<String, String> groups = new LinkedHashMap<>();
    settings.optional(GROUPS).ifPresent(value -> {
      for (String entry : value.split(",", -1)) {
        String[] pair = entry.trim().split("=", -1);
        if (pair.length != 2 || pair[0].isBlank() || !pair[1].trim().matches(GROUP_ID)) {
          throw new InvalidSettingException(GROUPS, GROUPS + "=" + value + " is not valid: \"" + entry.trim()
              + "\" is not consumer=group; set it to the contract's consumer name and its Kafka group id, e.g. "
              + "auth-service=auth-service-prod[,other=group...]");
        }
        groups.put(pair[0].trim(), pair[1].trim());
      }
    });
    return groups;
  }

  private static List<MessageContract> fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidSettingException(DIR, DIR + "=" + dir + " is not a directory: set it to a directory of Pact "
          + "contract files (*.json), or unset it to use the contracts user-service was built with");
    }
    return readAll(dir, dir.toString(), DIR);
  }

  private static List<MessageContract> packaged() {
    URL url = ConsumerContracts.class.getResource(PACKAGED);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // another reader opened the jar: its file system serves this path too
        }
      }
      return readAll(Path.of(uri), "the contracts user-service was built with", DIR);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("could not read " + PACKAGED + " from user-service's jar: " + e.getMessage(), e);
    }
  }

  private static List<MessageContract> readAll(Path dir, String origin, String variable) {
    List<MessageContract> contracts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        if (Files.size(file) > MAX_CONTRACT_BYTES) {
          throw new InvalidSettingException(variable, file + " in " + origin + " is " + Files.size(file)
              + " bytes, over the limit of " + MAX_CONTRACT_BYTES + " for a contract: remove it from " + variable);
        }
        try {
          contracts.add(new ContractReader().read(file, file.getFileName().toString()));
        } catch (HandshakeException e) {
          throw new InvalidSettingException(variable, file + " in " + origin + " is not a Pact message contract ("
              + e.getMessage() + "): fix it or remove it from " + variable, e);
        }
      }
    } catch (IOException e) {
      throw new InvalidSettingException(variable, "could not read " + origin + ": " + e.getMessage(), e);
    }
    return contracts;
  }
}
