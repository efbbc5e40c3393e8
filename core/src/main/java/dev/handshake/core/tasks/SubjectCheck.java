package dev.handshake.core.tasks;

import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.history.SubjectFileNames;
import dev.handshake.core.registry.CompatibilityTestResult;
import dev.handshake.core.registry.ReferenceResolver;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.registry.SchemaRegistry;
import dev.handshake.core.registry.SubjectNotFoundException;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import dev.handshake.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a candidate schema against a subject's history from any {@link SchemaRegistry} with Handshake's own
 * engine: transitive levels really compare with every version (Confluent's Maven plugin compares with the
 * latest only), every incompatibility is reported with a rule ID, a location and a fix, and a subject without
 * versions is compatible with a note that says so. A registry that judges compatibility itself is asked too,
 * and its verdict is authoritative: a check never passes what a registration would be refused for.
 */
public final class SubjectCheck {
  private final SchemaRegistry registry;
  private final SchemaLoader loader = new SchemaLoader();
  private final CompatibilityChecker checker = new CompatibilityChecker();
  private final ReferenceResolver referenceResolver;

  private Path localHistory;

  public SubjectCheck(SchemaRegistry registry) {
    this.registry = registry;
    this.referenceResolver = new ReferenceResolver(registry);
  }

  /**
   * Where a local copy of the registry's history is ({@code DIR/history/<subject>/vN.avsc}, as written by
   * {@code handshake download --all-versions}): findings in a registered version that is identical there
   * point at that file's line and column instead of at the registry.
   */
  public SubjectCheck withLocalHistory(Path directory) {
    this.localHistory = directory;
    return this;
  }

  /** Loads a candidate file whose named types come from registered subjects (Confluent references). */
  public SchemaFile loadCandidate(Path file, List<SchemaReference> references) {
    return loader.load(file, resolveReferences(references));
  }

  /**
   * @param levelOverride the level to apply instead of the registry's, or null to ask the registry
   */
  public SubjectCheckResult check(String subject, SchemaFile candidate, CompatibilityLevel levelOverride) {
    return check(subject, candidate, List.of(), levelOverride);
  }

  /**
   * Checks with Handshake's engine and, where the registry judges compatibility itself (not offline), asks it
   * too: the candidate passes only when both say compatible, because registering meets the registry's verdict.
   *
   * @param references the candidate's references, sent with it when the registry is asked
   * @param levelOverride the level Handshake's engine applies instead of the registry's, or null to ask the
   *     registry; the registry's own verdict always uses its own level
   */
  public SubjectCheckResult check(String subject, SchemaFile candidate, List<SchemaReference> references,
                                  CompatibilityLevel levelOverride) {
    // What the registry would refuse outright fails the check too, before any registry is asked.
    new RegistrySchema(candidate.text(), references).requireRegistrableSize(candidate.displayPath());
    List<Integer> versions;
    try {
      versions = registry.versions(subject);
    } catch (SubjectNotFoundException e) {
      versions = List.of();
    }
    boolean askRegistry = registry.judgesCompatibility() && !versions.isEmpty();
    AppliedLevel registryLevel = levelOverride == null || askRegistry ? registryLevel(subject) : null;
    AppliedLevel applied = levelOverride != null ? new AppliedLevel(levelOverride, "level given explicitly")
        : registryLevel;
    History history = new History(subject, versions);
    String candidateLabel = "candidate v" + (versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1);
    if (applied.level() != CompatibilityLevel.NONE && !versions.isEmpty()
        && history.latest().file().schema().equals(candidate.schema())) {
      // Registering it again would return the existing version, as Confluent does; say so instead of "v(n+1)".
      candidateLabel = "candidate (already registered as " + history.latest().label() + ")";
    }
    SchemaVersion candidateVersion = new SchemaVersion(candidateLabel, candidate);
    CompatibilityReport report = history.check(applied.level(), candidateVersion);
    if (versions.isEmpty()) {
      Optional<String> note = registry.newSubjectNote(subject);
      if (note.isPresent()) {
        List<String> notes = new ArrayList<>(report.notes());
        notes.add(note.get());
        report = new CompatibilityReport(report.level(), report.findings(), notes, report.versionsCompared());
      }
    }
    RegistryVerdict verdict = null;
    if (askRegistry) {
      verdict = ask(subject, new RegistrySchema(candidate.text(), references), registryLevel, versions);
      if (!verdict.compatible() && report.compatible() && levelOverride == null
          && registryLevel.level() == CompatibilityLevel.NONE) {
        // Apicurio answers NONE for a subject without a level of its own, yet enforces its global level.
        CompatibilityLevel global = registry.globalCompatibility();
        CompatibilityReport underGlobal = global == CompatibilityLevel.NONE ? report
            : history.check(global, candidateVersion);
        if (!underGlobal.compatible()) {
          applied = new AppliedLevel(global, "the registry's global level: the registry reports NONE for subject \""
              + subject + "\" yet refused the candidate, as Apicurio does for a subject without a level of its own");
          report = underGlobal;
          verdict = verdict.withLevel(global, "the registry's global level");
        }
      }
    }
    return new SubjectCheckResult(subject, candidateLabel + " (" + candidate.displayPath() + ")",
        registry.describe(), applied.level(), applied.source(), versions, report, verdict);
  }

  private AppliedLevel registryLevel(String subject) {
    var own = registry.subjectCompatibility(subject);
    return own.map(level -> new AppliedLevel(level, "the subject's level"))
        .orElseGet(() -> new AppliedLevel(registry.globalCompatibility(), "the registry's global level"));
  }

  /** The registry's verdict: against the latest version, or each version in turn for a transitive level. */
  private RegistryVerdict ask(String subject, RegistrySchema schema, AppliedLevel level, List<Integer> versions) {
    List<String> asked = level.level().isTransitive()
        ? versions.stream().map(String::valueOf).toList() : List.of("latest");
    boolean compatible = true;
    List<String> messages = new ArrayList<>();
    for (String version : asked) {
      CompatibilityTestResult answer = registry.testCompatibility(subject, version, schema);
      if (!answer.compatible()) {
        compatible = false;
        String prefix = asked.size() == 1 ? "" : "against version " + version + ": ";
        if (answer.messages().isEmpty()) {
          messages.add(prefix + "incompatible (the registry gave no reason)");
        }
        answer.messages().forEach(message -> messages.add(prefix + message));
      }
    }
    return new RegistryVerdict(compatible, level.level(), level.source(), asked, messages);
  }

  private record AppliedLevel(CompatibilityLevel level, String source) {
  }

  /** The subject's registered versions, each fetched and parsed once, however many levels are tried. */
  private final class History {
    private final String subject;
    private final List<Integer> versions;
    private final Map<Integer, SchemaVersion> parsed = new HashMap<>();

    History(String subject, List<Integer> versions) {
      this.subject = subject;
      this.versions = versions;
    }

    SchemaVersion latest() {
      return get(versions.get(versions.size() - 1));
    }

    CompatibilityReport check(CompatibilityLevel level, SchemaVersion candidate) {
      List<SchemaVersion> history = new ArrayList<>();
      if (level != CompatibilityLevel.NONE && !versions.isEmpty()) {
        // A non-transitive level reads the latest version only; fetching the others would only cost round trips.
        for (int version : level.isTransitive() ? versions : List.of(versions.get(versions.size() - 1))) {
          history.add(get(version));
        }
      }
      return checker.check(level, history, candidate);
    }

    private SchemaVersion get(int version) {
      return parsed.computeIfAbsent(version, v -> new SchemaVersion("v" + v, parse(registry.version(subject, v))));
    }
  }

  /** Parses referenced schemas, dependencies first, each once, as the registry resolves them. */
  public List<SchemaFile> resolveReferences(List<SchemaReference> references) {
    return referenceResolver.resolve(references);
  }

  private SchemaFile parse(RegisteredSchema registered) {
    List<SchemaFile> references = resolveReferences(registered.references());
    SchemaFile parsed = loader.parse(registry.sourceOf(registered.subject(), registered.version()),
        registered.schema(), references);
    if (registry.servesFiles()) {
      return parsed;
    }
    return localCopy(registered, parsed).orElseGet(parsed::servedByRegistry);
  }

  /** The same version in the local history, when there is one, so findings in it get a file:line:col. */
  private Optional<SchemaFile> localCopy(RegisteredSchema registered, SchemaFile served) {
    if (localHistory == null || registered.subject().isEmpty()) {
      return Optional.empty();
    }
    Path file = localHistory.resolve("history").resolve(SubjectFileNames.encode(registered.subject()))
        .resolve("v" + registered.version() + ".avsc");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      SchemaFile copy = loader.load(file, served.references());
      return copy.schema().equals(served.schema()) ? Optional.of(copy) : Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }
}
