package dev.handshake.core.tasks;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.SimilarNames;
import dev.handshake.core.contract.ContractReader;
import dev.handshake.core.contract.ContractSource;
import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.ReaderSchemas;
import dev.handshake.core.deploy.DeployedService;
import dev.handshake.core.deploy.Environment;
import dev.handshake.core.deploy.RecordedContracts;
import dev.handshake.core.deploy.ServiceVersion;
import dev.handshake.core.files.ProjectPaths;
import dev.handshake.core.tasks.CanIRetireOutcome.InteractionRead;
import dev.handshake.core.tasks.CanIRetireOutcome.TopicReader;
import dev.handshake.core.tasks.CanIRetireOutcome.Verdict;
import dev.handshake.core.usage.ReaderFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code can-i-retire} for every front end: may the producer stop publishing a topic, given the consumer versions
 * an environment's file records? Each recorded version's contracts are found as can-i-deploy finds them
 * ({@link RecordedContracts}); an interaction with the producer whose {@code handshake.topic} is the topic is a
 * reading, and one reading is a no. A file or contract that cannot be read (or an interaction that states no
 * topic) is an unknown: retiring a topic cannot be undone by a rollback, so what cannot be read never says yes.
 */
public final class CanIRetireTask {
  private final CanIRetireConfiguration config;
  private final TaskLog log;
  private final List<TopicReader> readers = new ArrayList<>();
  private final List<String> unknowns = new ArrayList<>();
  private final List<String> notReaders = new ArrayList<>();
  private final Set<String> providersSeen = new TreeSet<>();

  public CanIRetireTask(CanIRetireConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  public CanIRetireOutcome run() {
    require(config.producer(), "the producer whose topic would be retired (--producer, <service>, <providerName>)");
    require(config.topic(), "the topic to retire (--topic, <topic>, -Dhandshake.topic)");
    String file = ProjectPaths.display(config.environments().file(config.environment()), config.baseDirectory());
    if (!config.environments().exists(config.environment())) {
      config.environments().read(config.environment()); // bad input: names the environments there are
    }
    Environment environment;
    try {
      environment = config.environments().read(config.environment());
    } catch (HandshakeException unreadable) {
      unknowns.add("the environment file " + file + " cannot be read: " + unreadable.getMessage());
      return answer(file);
    }
    RecordedContracts recorded = new RecordedContracts(config.environments().directory(), config.unpackDirectory(),
        config.baseDirectory(), config.artifacts());
    for (DeployedService service : environment.services()) {
      for (ServiceVersion version : service.versions()) {
        if (version.hasContracts()) {
          consumerVersion(recorded, service.name(), version);
        }
      }
    }
    requireKnownProducer(environment);
    return answer(file);
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("can-i-retire needs " + what + "; it was blank.");
    }
  }

  /** One recorded consumer version: its contracts with the producer, and their interactions on the topic. */
  private void consumerVersion(RecordedContracts recorded, String consumer, ServiceVersion version) {
    String who = consumer + " " + version.version();
    RecordedContracts.Lookup lookup;
    try {
      lookup = recorded.find(version);
    } catch (IOException | HandshakeException e) {
      unknowns.add(who + ": its contracts at " + version.contractsLocation() + " cannot be read: " + e.getMessage());
      return;
    }
    if (lookup.contracts().isEmpty()) {
      unknowns.add(who + ": " + lookup.missing());
      return;
    }
    List<InteractionRead> reads = new ArrayList<>();
    Set<String> otherTopics = new TreeSet<>();
    ContractReader reader = new ContractReader();
    ReaderSchemas readerSchemas = new ReaderSchemas();
    for (ContractSource source : lookup.contracts().get()) {
      MessageContract contract;
      try {
        contract = reader.read(source.file(), source.displayPath());
      } catch (HandshakeException e) {
        unknowns.add(who + ": the contract " + source.displayPath() + " cannot be read: " + e.getMessage());
        continue;
      }
      providersSeen.add(contract.provider());
      if (!contract.provider().equals(config.producer())) {
        continue;
      }
      for (MessageInteraction interaction : contract.interactions()) {
        String topic = interaction.metadata().get(MessageInteraction.TOPIC);
        if (topic == null || topic.isBlank()) {
          unknowns.add(who + ": interaction \"" + interaction.description() + "\" of " + source.displayPath()
              + " states no topic (" + MessageInteraction.TOPIC + "), so whether it reads \"" + config.topic()
              + "\" cannot be told; regenerate the contract with .onTopic(...)");
        } else if (topic.equals(config.topic())) {
          List<String> fields = readerSchemas.of(contract, interaction).file()
              .map(f -> ReaderFields.of(interaction, f.schema()).stream().map(ReaderFields.ReadField::describe)
                  .toList()).orElse(List.of());
          reads.add(new InteractionRead(source.displayPath(), interaction.description(), fields));
        } else {
          otherTopics.add(topic);
        }
      }
    }
    if (!reads.isEmpty()) {
      readers.add(new TopicReader(consumer, version.version(), reads));
    } else if (!otherTopics.isEmpty()) {
      notReaders.add(who + " reads " + SimilarNames.quoted(List.copyOf(otherTopics)) + " of " + config.producer()
          + ", not \"" + config.topic() + "\"");
    }
  }

  /**
   * A producer no environment records and no contract names is a typo, not a yes (unless something could not be
   * read: it may be named there, and the answer is unknown anyway).
   */
  private void requireKnownProducer(Environment environment) {
    Set<String> names = new TreeSet<>(providersSeen);
    environment.services().forEach(s -> names.add(s.name()));
    for (String other : config.environments().names()) {
      try {
        config.environments().read(other).services().forEach(s -> names.add(s.name()));
      } catch (HandshakeException unreadable) {
        // only a source of names here; the environment asked about was read above
      }
    }
    if (names.contains(config.producer()) || !unknowns.isEmpty()) {
      return;
    }
    List<String> close = SimilarNames.closeTo(config.producer(), List.copyOf(names));
    throw new InvalidInputException("can-i-retire: no environment in " + ProjectPaths.display(
        config.environments().directory(), config.baseDirectory()) + " records a service named \""
        + config.producer() + "\" (" + config.producerOrigin() + ") and no contract recorded in "
        + config.environment() + " names it as provider, so nothing could be checked. "
        + (names.isEmpty() ? "" : "The names recorded or in contracts: " + SimilarNames.quoted(List.copyOf(names))
        + ". ") + (close.isEmpty() ? "" : "Did you mean \"" + close.get(0) + "\"? ")
        + "Give the name the consumers' contracts use for the producer.");
  }

  private CanIRetireOutcome answer(String file) {
    String what = "topic \"" + config.topic() + "\" of " + config.producer();
    Verdict verdict = !readers.isEmpty() ? Verdict.NO : unknowns.isEmpty() ? Verdict.YES : Verdict.UNKNOWN;
    String summary = switch (verdict) {
      case YES -> "can-i-retire: yes, no consumer version recorded in " + config.environment() + " (" + file
          + ") reads " + what + ".";
      case NO -> "can-i-retire: no, " + readers.size() + " consumer version(s) recorded in " + config.environment()
          + " (" + file + ") still read " + what + ": " + String.join(", ", readers.stream()
          .map(r -> r.consumer() + " " + r.version()).toList()) + ".";
      case UNKNOWN -> "can-i-retire: unknown, whether a consumer version recorded in " + config.environment() + " ("
          + file + ") reads " + what + " cannot be told: " + unknowns.size() + " thing(s) could not be read.";
    };
    if (verdict == Verdict.YES) {
      log.info(summary);
    } else {
      log.error(summary);
    }
    for (TopicReader reader : readers) {
      log.error("  " + reader.consumer() + " " + reader.version() + " reads \"" + config.topic() + "\":");
      for (InteractionRead read : reader.interactions()) {
        log.error("    interaction \"" + read.description() + "\" (" + read.contract() + ") reads "
            + (read.fields().isEmpty() ? "fields that cannot be told (its reader schema cannot be used)"
            : String.join(", ", read.fields())));
      }
    }
    unknowns.forEach(u -> log.error("  unknown: " + u));
    notReaders.forEach(n -> log.info("  " + n));
    if (verdict == Verdict.NO) {
      log.error("  Move each of them to the topic that replaces \"" + config.topic() + "\", record the new version "
          + "(handshake record-deployment), and ask again.");
    }
    Path report = config.reportDirectory().resolve("can-i-retire.json");
    try {
      CanIRetireReport.writeJson(report, config, verdict, readers, unknowns, summary);
    } catch (IOException e) {
      throw new HandshakeIOException("can-i-retire could not write " + report, e);
    }
    return new CanIRetireOutcome(verdict, readers, unknowns, summary, report);
  }
}
