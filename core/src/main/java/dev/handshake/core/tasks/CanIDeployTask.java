package dev.handshake.core.tasks;

import dev.handshake.core.HandshakeIOException;
import dev.handshake.core.InvalidInputException;
import dev.handshake.core.SimilarNames;
import dev.handshake.core.deploy.Environment;
import dev.handshake.core.files.ProjectPaths;
import dev.handshake.core.report.Finding;
import dev.handshake.core.report.TextReportWriter;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.tasks.Counterpart.Role;
import dev.handshake.core.tasks.Counterpart.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code can-i-deploy} for every front end: may this version of the service go to the environment, given what
 * the environment's file says is deployed there? As a producer, the gate against every consumer version deployed
 * there, and each subject against the registry; as a consumer, its contracts against every producer version
 * deployed there. Each counterpart answers yes, no (with the findings) or unknown (its contracts or schemas
 * cannot be found: a no unless unknowns are ignored, as the Pact broker answers).
 */
public final class CanIDeployTask {
  private final CanIDeployConfiguration config;
  private final TaskLog log;

  public CanIDeployTask(CanIDeployConfiguration config, TaskLog log) {
    this.config = config;
    this.log = log;
  }

  public CanIDeployOutcome run() {
    if (config.service() == null || config.service().isBlank()) {
      return new CanIDeployTask(config.withService(consumerNameOfOwnContracts(), "the consumer name of its "
          + "contracts"), log).run();
    }
    if (config.version() == null || config.version().isBlank()) {
      throw new InvalidInputException("can-i-deploy needs the version to deploy (--version, <version>)");
    }
    Environment environment = config.environments().read(config.environment());
    String file = ProjectPaths.display(config.environments().file(config.environment()),
        config.gate().baseDirectory());
    log.info("can-i-deploy: checking the service named \"" + config.service() + "\" (" + config.serviceOrigin()
        + "), version " + config.version() + ", against " + config.environment() + " (" + file + ", "
        + environment.services().size() + " service(s) recorded)");
    List<Counterpart> answers = new ArrayList<>();
    ConsumersOfProducer consumers = new ConsumersOfProducer(config, log);
    answers.addAll(consumers.check(environment));
    ProducersOfConsumer producers = new ProducersOfConsumer(config, log);
    Set<String> namedInContracts = new TreeSet<>(consumers.providersSeen());
    producers.ownContracts().forEach(c -> namedInContracts.addAll(List.of(c.consumer(), c.provider())));
    requireKnownName(environment, namedInContracts);
    answers.addAll(subjects());
    answers.addAll(producers.check(environment));
    boolean no = answers.stream().anyMatch(a -> a.verdict() == Verdict.NO);
    boolean unknown = answers.stream().anyMatch(a -> a.verdict() == Verdict.UNKNOWN);
    boolean deployable = !no && (!unknown || config.ignoreUnknown());
    String summary = summary(answers, deployable, no, unknown);
    CanIDeployReport.table(answers).forEach(log::info);
    Path report = config.reportDirectory().resolve("can-i-deploy.json");
    try {
      CanIDeployReport.writeJson(report, config, answers, deployable, summary);
    } catch (IOException e) {
      throw new HandshakeIOException("can-i-deploy could not write " + report, e);
    }
    if (deployable) {
      log.info(summary);
    } else {
      log.error(summary);
    }
    return new CanIDeployOutcome(answers, deployable, report, summary);
  }

  /** No name given: the one consumer name the service's own contracts carry. */
  private String consumerNameOfOwnContracts() {
    Set<String> names = new TreeSet<>();
    new ProducersOfConsumer(config, log).ownContracts().forEach(contract -> names.add(contract.consumer()));
    if (names.size() != 1) {
      throw new InvalidInputException("can-i-deploy needs the service's name, as the environment files and "
          + "contracts name it (--service, <service>, or <providerName> for a producer)" + (names.isEmpty() ? ""
          : "; its contracts name several consumers: " + SimilarNames.quoted(List.copyOf(names))));
    }
    return names.iterator().next();
  }

  /**
   * A name no environment records and no contract names (a mistyped or default name) is bad input: checked
   * against nothing, it would always be a yes.
   */
  private void requireKnownName(Environment environment, Set<String> namedInContracts) {
    Set<String> recorded = new TreeSet<>();
    environment.services().forEach(s -> recorded.add(s.name()));
    for (String other : config.environments().names()) {
      if (!other.equals(config.environment())) {
        config.environments().read(other).services().forEach(s -> recorded.add(s.name()));
      }
    }
    String name = config.service();
    if (recorded.contains(name) || namedInContracts.contains(name)) {
      return;
    }
    Set<String> seen = new TreeSet<>(recorded);
    seen.addAll(namedInContracts);
    List<String> close = SimilarNames.closeTo(name, List.copyOf(seen));
    throw new InvalidInputException("can-i-deploy: no environment in " + ProjectPaths.display(
        config.environments().directory(), config.gate().baseDirectory()) + " records a service named \"" + name
        + "\" (" + config.serviceOrigin() + ") and no contract names it, so nothing could be checked. "
        + (seen.isEmpty() ? "" : "The names recorded or in contracts: " + SimilarNames.quoted(List.copyOf(seen))
        + ". ")
        + (close.isEmpty() ? "" : "Did you mean \"" + close.get(0) + "\"? ")
        + "Give the name the contracts use (--service, <service>, or <providerName> for a producer), or record "
        + "the service in an environment first (handshake record-deployment).");
  }

  /** Each configured subject's candidate schema against the registry, as {@code check} does. */
  private List<Counterpart> subjects() {
    if (config.registry().isEmpty()) {
      if (!config.subjects().isEmpty()) {
        log.warn("can-i-deploy: subjects are configured but no registry; their registry check is skipped.");
      }
      return List.of();
    }
    SubjectCheck check = new SubjectCheck(config.registry().get());
    List<Counterpart> answers = new ArrayList<>();
    for (Map.Entry<String, Path> subject : new TreeMap<>(config.subjects()).entrySet()) {
      Path file = config.gate().baseDirectory().resolve(subject.getValue());
      SchemaFile candidate = check.loadCandidate(file, List.of());
      SubjectCheckResult result = check.check(subject.getKey(), candidate, null);
      List<Finding> findings = result.report().findings();
      findings.forEach(f -> log.error(TextReportWriter.line(f, config.gate().ruleDocs())));
      if (!result.compatible()) {
        result.registryLines().forEach(log::error);
      }
      answers.add(new Counterpart(subject.getKey(), "latest", Role.SUBJECT,
          result.compatible() ? Verdict.YES : Verdict.NO, result.summary(), findings));
    }
    return answers;
  }

  private String summary(List<Counterpart> answers, boolean deployable, boolean no, boolean unknown) {
    String what = config.service() + " " + config.version() + " to " + config.environment();
    if (answers.isEmpty()) {
      return "can-i-deploy: yes, " + what + ": nothing recorded in " + config.environment() + " consumes or "
          + "produces its events.";
    }
    if (deployable) {
      return "can-i-deploy: yes, " + what + " works with every counterpart" + (unknown ? " that could be checked "
          + "(unknowns ignored)" : "") + ".";
    }
    boolean reportUnknown = unknown && !config.ignoreUnknown();
    return "can-i-deploy: no, " + what + ": " + (no ? "a counterpart cannot work with it (its findings are above)"
        : "") + (no && reportUnknown ? "; " : "") + (reportUnknown ? "a counterpart's contracts or schemas could "
        + "not be found (record where they are, publish them, or pass --ignore-unknown / "
        + "-Dhandshake.ignoreUnknown=true)" : "") + (unknown && config.ignoreUnknown() ? " (unknowns ignored)" : "")
        + ".";
  }
}
