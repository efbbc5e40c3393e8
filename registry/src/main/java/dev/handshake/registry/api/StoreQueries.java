package dev.handshake.registry.api;

import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.registry.json.Json;
import dev.handshake.registry.store.StoreLog;
import dev.handshake.registry.store.StoreState;
import dev.handshake.registry.store.SubjectVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's reads, each under the shared lock and answered once what it shows is durable. */
public final class StoreQueries {
  private final StoreAccess access;
  private final StoreState state;
  private final StoreReader reader;
  private final StoreLog log;
  private final CompatibilityChecker checker = new CompatibilityChecker();

  StoreQueries(StoreAccess access, StoreState state, StoreReader reader, StoreLog log) {
    this.access = access;
    this.state = state;
    this.reader = reader;
    this.log = log;
  }


  /**
   * Up to {@code max} subject names after {@code after} (exclusive; null = from the start) that start with
   * {@code prefix}: one page of a listing streamed to the client, so no listing is built whole in memory.
   */
  List<String> subjectsPage(String prefix, String after, int max, boolean includeDeleted, boolean deletedOnly) {
    return access.read(v -> {
      List<String> page = new ArrayList<>(Math.min(max, 1024));
      var tail = after == null ? state.subjects.tailMap(prefix, true) : state.subjects.tailMap(after, false);
      for (var entry : tail.entrySet()) {
        if (page.size() >= max || !entry.getKey().startsWith(prefix)) {
          break;
        }
        SubjectVersions versions = entry.getValue();
        boolean live = versions.anyVisible(false);
        // deletedOnly: subjects that were (soft) deleted, i.e. whose every remaining version is deleted.
        if (deletedOnly ? !live && versions.size() > 0 : live || includeDeleted) {
          page.add(entry.getKey());
          v.need(versions.changedAt);
        }
      }
      v.need(state.removedAt);
      return page;
    });
  }

  /** Versions with their schemas of up to {@code maxSubjects} subjects after {@code after}, for GET /schemas. */
  /** Where a listing of schemas resumes: a subject (inclusive) and the index of its next version. */
  record SchemasCursor(String subject, int index) {
  }

  /** One page of {@code GET /schemas}; {@code next} is null after the last. */
  record SchemasPage(List<RegistryStore.Registered> versions, SchemasCursor next) {
  }

  /**
   * Versions from {@code from} (null: the first subject with {@code prefix}) until their texts pass
   * {@code maxBytes}: bounded in bytes, not subjects, so a page of subjects with many large versions cannot
   * fill the heap. A page holds at least one version, so it may pass the bound by one schema.
   */
  SchemasPage schemasPage(String prefix, SchemasCursor from, long maxBytes, boolean includeDeleted,
                          boolean latestOnly) throws ApiException {
    return access.readChecked(v -> {
      List<RegistryStore.Registered> versions = new ArrayList<>();
      long bytes = 0;
      var tail = from == null ? state.subjects.tailMap(prefix, true) : state.subjects.tailMap(from.subject(), true);
      for (var entry : tail.entrySet()) {
        if (!entry.getKey().startsWith(prefix)) {
          break;
        }
        SubjectVersions subject = entry.getValue();
        v.need(subject.changedAt);
        int latest = subject.latest(includeDeleted);
        int start = latestOnly ? Math.max(latest, 0) : 0;
        if (from != null && entry.getKey().equals(from.subject())) {
          start = Math.max(start, from.index());
        }
        for (int i = start; i < subject.size() && latest >= 0; i++) {
          if (!subject.visible(i, includeDeleted)) {
            continue;
          }
          if (bytes >= maxBytes) {
            return new SchemasPage(versions, new SchemasCursor(entry.getKey(), i));
          }
          RegistryStore.StoredSchema stored = reader.stored(subject.id(i), v);
          bytes += stored.schema().length() + entry.getKey().length() + 64L;
          versions.add(new RegistryStore.Registered(entry.getKey(), subject.version(i), stored));
        }
      }
      v.need(state.removedAt);
      return new SchemasPage(versions, null);
    });
  }

  List<Integer> versions(String subject, boolean includeDeleted) throws ApiException {
    return access.readChecked(v -> {
      SubjectVersions versions = reader.subject(subject, includeDeleted, v);
      List<Integer> numbers = new ArrayList<>();
      for (int i = 0; i < versions.size(); i++) {
        if (versions.visible(i, includeDeleted)) {
          numbers.add(versions.version(i));
        }
      }
      return numbers;
    });
  }

  RegistryStore.Registered version(String subject, String version, boolean includeDeleted) throws ApiException {
    return access.readChecked(v -> reader.resolveVersion(subject, version, includeDeleted, v));
  }

  RegistryStore.StoredSchema schemaById(int id) throws ApiException {
    return access.readChecked(v -> reader.stored(id, v));
  }

  /** Every live subject/version whose schema has this id. */
  List<RegistryStore.Registered> usagesOf(int id) throws ApiException {
    return access.readChecked(v -> {
      RegistryStore.StoredSchema schema = reader.stored(id, v);
      List<RegistryStore.Registered> usages = new ArrayList<>();
      state.subjects.forEach((subject, versions) -> {
        for (int i = 0; i < versions.size(); i++) {
          if (versions.id(i) == id && !versions.deleted(i)) {
            usages.add(new RegistryStore.Registered(subject, versions.version(i), schema));
            v.need(versions.changedAt);
          }
        }
      });
      v.need(state.removedAt);
      return usages;
    });
  }

  /** Ids of live schemas that reference {@code subject} at {@code version}. */
  List<Integer> referencedBy(String subject, String version) throws ApiException {
    return access.readChecked(v -> {
      RegistryStore.Registered target = reader.resolveVersion(subject, version, false, v);
      return state.referrers(subject, target.version());
    });
  }

  Optional<RegistryStore.Registered> lookup(String subject, String schemaText, List<SchemaReference> references,
                              boolean includeDeleted) throws ApiException {
    return access.readChecked(v -> {
      SubjectVersions versions = reader.subject(subject, includeDeleted, v);
      SchemaFile candidate = reader.parse(schemaText, references, "the schema", v);
      int id = reader.idOf(CanonicalForm.of(candidate), references, v);
      int index = id == 0 ? -1 : versions.indexOfId(id, includeDeleted);
      return index < 0 ? Optional.empty()
          : Optional.of(new RegistryStore.Registered(subject, versions.version(index), reader.stored(id, v)));
    });
  }

  CompatibilityLevel globalLevel() {
    return access.read(v -> {
      v.need(state.configChangedAt);
      return state.globalLevel;
    });
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return access.read(v -> {
      v.need(state.configChangedAt);
      return Optional.ofNullable(state.subjectLevels.get(subject));
    });
  }

  /**
   * The registry's verdict for a candidate: against one version (non-transitively, as Confluent does), or
   * with {@code version == null} against the versions the subject's level selects.
   */
  CompatibilityReport testCompatibility(String subject, String version, String schemaText,
                                        List<SchemaReference> references) throws ApiException {
    return access.readChecked(v -> {
      SchemaFile candidate = reader.parse(schemaText, references, "the schema", v);
      v.need(state.configChangedAt);
      CompatibilityLevel level = state.levelOf(subject);
      List<SchemaVersion> history;
      if (version == null) {
        history = reader.liveHistory(subject, level, v);
      } else {
        RegistryStore.Registered target = reader.resolveVersion(subject, version, false, v);
        history = List.of(new SchemaVersion("version " + target.version(),
            reader.parsedById(target.schema().id(), v)));
        level = level.nonTransitive();
      }
      return checker.check(level, history, new SchemaVersion("the new schema", candidate));
    });
  }

  /** Counts for operators and the benchmark: schemas, subjects, log records, forces since start. */
  public Map<String, Object> stats() {
    return access.read(v -> Json.object("schemas", state.schemas.count(), "subjects", state.subjects.size(),
        "versions", state.versionEntries, "logRecords", state.records, "obsoleteRecords", state.obsoleteRecords(),
        "logBytes", log.size(), "appendsSinceStart", log.appends(), "flushesSinceStart", log.flushes()));
  }

}
