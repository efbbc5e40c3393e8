package dev.handshake.core.registry;

import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a candidate schema against a subject's history from any {@link SchemaRegistry} with Handshake's own
 * engine instead of the registry's: transitive levels really compare with every version (Confluent's Maven
 * plugin compares with the latest only), every incompatibility is reported with a rule ID, a location and a
 * fix, and a subject without versions is compatible with a note that says so.
 */
public final class SubjectCheck {
  private final SchemaRegistry registry;
  private final SchemaLoader loader = new SchemaLoader();
  private final CompatibilityChecker checker = new CompatibilityChecker();
  private final Map<String, SchemaFile> resolved = new HashMap<>();

  public SubjectCheck(SchemaRegistry registry) {
    this.registry = registry;
  }

  /** Loads a candidate file whose named types come from registered subjects (Confluent references). */
  public SchemaFile loadCandidate(Path file, List<SchemaReference> references) {
    return loader.load(file, resolveReferences(references));
  }

  /**
   * @param levelOverride the level to apply instead of the registry's, or null to ask the registry
   */
  public SubjectCheckResult check(String subject, SchemaFile candidate, CompatibilityLevel levelOverride) {
    List<Integer> versions;
    try {
      versions = registry.versions(subject);
    } catch (SubjectNotFoundException e) {
      versions = List.of();
    }
    CompatibilityLevel level;
    String levelSource;
    if (levelOverride != null) {
      level = levelOverride;
      levelSource = "level given explicitly";
    } else {
      var own = registry.subjectCompatibility(subject);
      level = own.orElseGet(registry::globalCompatibility);
      levelSource = own.isPresent() ? "the subject's level" : "the registry's global level";
    }
    int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1;
    String candidateLabel = "candidate v" + next;
    List<SchemaVersion> history = new ArrayList<>();
    // A non-transitive level reads the latest version only; fetching the others would only cost round trips.
    List<Integer> needed = level.isTransitive() || versions.isEmpty() ? versions
        : List.of(versions.get(versions.size() - 1));
    if (level != CompatibilityLevel.NONE) {
      for (int version : needed) {
        RegisteredSchema registered = registry.version(subject, version);
        history.add(new SchemaVersion("v" + version, parse(registered)));
      }
    }
    if (!history.isEmpty() && history.get(history.size() - 1).file().schema().equals(candidate.schema())) {
      // Registering it again would return the existing version, as Confluent does; say so instead of "v(n+1)".
      candidateLabel = "candidate (already registered as " + history.get(history.size() - 1).label() + ")";
    }
    CompatibilityReport report = checker.check(level, history, new SchemaVersion(candidateLabel, candidate));
    return new SubjectCheckResult(subject, candidateLabel + " (" + candidate.displayPath() + ")",
        registry.describe(), level, levelSource, versions, report);
  }

  /** Parses referenced schemas, dependencies first, each once, as the registry resolves them. */
  public List<SchemaFile> resolveReferences(List<SchemaReference> references) {
    Map<String, SchemaFile> ordered = new LinkedHashMap<>();
    for (SchemaReference reference : references) {
      collect(reference, ordered, new ArrayList<>());
    }
    return List.copyOf(ordered.values());
  }

  private void collect(SchemaReference reference, Map<String, SchemaFile> ordered, List<String> path) {
    String key = reference.subject() + ":" + reference.version();
    if (ordered.containsKey(key)) {
      return;
    }
    if (path.contains(key)) {
      throw new dev.handshake.core.InvalidInputException("schema references form a cycle: "
          + String.join(" -> ", path) + " -> " + key);
    }
    path.add(key);
    RegisteredSchema registered = registry.version(reference.subject(), reference.version());
    for (SchemaReference inner : registered.references()) {
      collect(inner, ordered, path);
    }
    path.remove(path.size() - 1);
    SchemaFile file = resolved.computeIfAbsent(key, k -> loader.parse(
        registry.sourceOf(reference.subject(), reference.version()), registered.schema(),
        List.copyOf(ordered.values())));
    ordered.put(key, file);
  }

  private SchemaFile parse(RegisteredSchema registered) {
    List<SchemaFile> references = resolveReferences(registered.references());
    return loader.parse(registry.sourceOf(registered.subject(), registered.version()), registered.schema(),
        references);
  }
}
