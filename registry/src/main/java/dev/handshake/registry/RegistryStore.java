package dev.handshake.registry;

import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.report.Finding;
import dev.handshake.core.schema.SchemaFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

/**
 * The registry's operations over {@link StoreState} and the {@link StoreLog}. A change is validated, appended
 * and applied in memory under the writer lock, which is held only for that (microseconds): the expensive part
 * of a registration, parsing and the compatibility check, runs under the shared read lock beforehand and is
 * redone if the subject or the levels changed meanwhile. The change is acknowledged after the log is forced past
 * its record; concurrent registrations then share one force (group commit, see {@link StoreLog#sync}).
 *
 * <p>Schema texts are not kept in memory: they are read back from the log by position, through a bounded cache
 * of texts and one of parsed schemas, so memory per schema is a few dozen bytes whatever the schema's size.
 *
 * <p>Nothing a crash could take back is ever shown: every answer first waits until the log is durable up to the
 * records it depends on (a subject's last change, a schema's record, the last configuration change), and only
 * those: a lookup of a schema written long ago never waits for the flush of an unrelated registration.
 */
final class RegistryStore implements Closeable {
  static final CompatibilityLevel DEFAULT_LEVEL = StoreState.DEFAULT_LEVEL;

  private final StoreLog log;
  private final StoreState state;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final CompatibilityChecker checker = new CompatibilityChecker();
  private final StoreReader reader;

  record StoredSchema(int id, String schema, List<SchemaReference> references) {
  }

  record Registered(String subject, int version, StoredSchema schema) {
  }

  private final PrintStream warnings;
  private final AtomicBoolean compacting = new AtomicBoolean();
  private volatile Thread compactor;

  private RegistryStore(StoreLog log, StoreState state, PrintStream warnings) {
    this.log = log;
    this.state = state;
    this.warnings = warnings;
    this.reader = new StoreReader(log, state);
  }

  static RegistryStore open(Path dataDir, PrintStream warnings) throws IOException {
    StoreState state = new StoreState();
    StoreLog log = StoreLog.open(dataDir, warnings, (position, payload) -> {
      try {
        state.replay(asObject(Json.parse(payload)), position, position + StoreLog.HEADER + payload.length);
      } catch (IOException e) {
        throw new IllegalStateException("record at position " + position + " of the registry log is not JSON", e);
      }
    });
    state.subjects.values().forEach(SubjectVersions::trim);
    RegistryStore store = new RegistryStore(log, state, warnings);
    if (Compaction.worthwhile(state)) {
      store.compactInBackground();
    }
    return store;
  }

  /**
   * Starts compaction on its own thread unless one runs already. Requests keep being served meanwhile; a failed
   * compaction leaves the log as it was and is reported on the warnings stream.
   */
  void compactInBackground() {
    if (!compacting.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        long dropped = Compaction.run(this, stage -> { });
        warnings.println("registry: compacted " + log.file() + ", dropping " + dropped + " records no longer "
            + "needed");
      } catch (IOException | RuntimeException e) {
        warnings.println("registry: compaction failed, the log is unchanged: " + e);
      } finally {
        compacting.set(false);
      }
    }, "registry-compaction");
    thread.setDaemon(true);
    compactor = thread;
    thread.start();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException("a store record is not a JSON object: " + value);
    }
    return (Map<String, Object>) value;
  }

  // ---- reads ----

  /**
   * Up to {@code max} subject names after {@code after} (exclusive; null = from the start) that start with
   * {@code prefix}: one page of a listing streamed to the client, so no listing is built whole in memory.
   */
  List<String> subjectsPage(String prefix, String after, int max, boolean includeDeleted, boolean deletedOnly) {
    return read(v -> {
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
  record SchemasPage(List<Registered> versions, String lastSubject) {
  }

  SchemasPage schemasPage(String prefix, String after, int maxSubjects, boolean includeDeleted, boolean latestOnly)
      throws ApiException {
    return readChecked(v -> {
      List<Registered> versions = new ArrayList<>();
      String last = null;
      int subjects = 0;
      var tail = after == null ? state.subjects.tailMap(prefix, true) : state.subjects.tailMap(after, false);
      for (var entry : tail.entrySet()) {
        if (subjects >= maxSubjects || !entry.getKey().startsWith(prefix)) {
          break;
        }
        subjects++;
        last = entry.getKey();
        SubjectVersions subject = entry.getValue();
        v.need(subject.changedAt);
        int latest = subject.latest(includeDeleted);
        for (int i = latestOnly ? Math.max(latest, 0) : 0; i < subject.size() && latest >= 0; i++) {
          if (subject.visible(i, includeDeleted)) {
            versions.add(new Registered(entry.getKey(), subject.version(i), reader.stored(subject.id(i), v)));
          }
        }
      }
      v.need(state.removedAt);
      return new SchemasPage(versions, subjects < maxSubjects ? null : last);
    });
  }

  List<Integer> versions(String subject, boolean includeDeleted) throws ApiException {
    return readChecked(v -> {
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

  Registered version(String subject, String version, boolean includeDeleted) throws ApiException {
    return readChecked(v -> reader.resolveVersion(subject, version, includeDeleted, v));
  }

  StoredSchema schemaById(int id) throws ApiException {
    return readChecked(v -> reader.stored(id, v));
  }

  /**
   * The schema with this id if it can be had without blocking: the read lock free right now and its record
   * already durable; null otherwise (also when there is no such id: the caller asks {@link #schemaById} then).
   */
  StoredSchema schemaByIdWithoutWaiting(int id) {
    if (!lock.readLock().tryLock()) {
      return null;
    }
    Visibility v = new Visibility();
    StoredSchema schema;
    try {
      schema = reader.stored(id, v);
    } catch (ApiException e) {
      return null;
    } finally {
      lock.readLock().unlock();
    }
    return log.durableAt(v.position) ? schema : null;
  }

  /** Every live subject/version whose schema has this id. */
  List<Registered> usagesOf(int id) throws ApiException {
    return readChecked(v -> {
      StoredSchema schema = reader.stored(id, v);
      List<Registered> usages = new ArrayList<>();
      state.subjects.forEach((subject, versions) -> {
        for (int i = 0; i < versions.size(); i++) {
          if (versions.id(i) == id && !versions.deleted(i)) {
            usages.add(new Registered(subject, versions.version(i), schema));
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
    return readChecked(v -> {
      Registered target = reader.resolveVersion(subject, version, false, v);
      return state.referrers(subject, target.version());
    });
  }

  Optional<Registered> lookup(String subject, String schemaText, List<SchemaReference> references,
                              boolean includeDeleted) throws ApiException {
    return readChecked(v -> {
      SubjectVersions versions = reader.subject(subject, includeDeleted, v);
      SchemaFile candidate = reader.parse(schemaText, references, "the schema", v);
      int id = reader.idOf(CanonicalForm.of(candidate), references, v);
      int index = id == 0 ? -1 : versions.indexOfId(id, includeDeleted);
      return index < 0 ? Optional.empty()
          : Optional.of(new Registered(subject, versions.version(index), reader.stored(id, v)));
    });
  }

  CompatibilityLevel globalLevel() {
    return read(v -> {
      v.need(state.configChangedAt);
      return state.globalLevel;
    });
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return read(v -> {
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
    return readChecked(v -> {
      SchemaFile candidate = reader.parse(schemaText, references, "the schema", v);
      v.need(state.configChangedAt);
      CompatibilityLevel level = state.levelOf(subject);
      List<SchemaVersion> history;
      if (version == null) {
        history = reader.liveHistory(subject, v);
      } else {
        Registered target = reader.resolveVersion(subject, version, false, v);
        history = List.of(new SchemaVersion("version " + target.version(),
            reader.parsedById(target.schema().id(), v)));
        level = level.nonTransitive();
      }
      return checker.check(level, history, new SchemaVersion("the new schema", candidate));
    });
  }

  /** Counts for operators and the benchmark: schemas, subjects, log records, forces since start. */
  Map<String, Object> stats() {
    return read(v -> Json.object("schemas", state.schemas.count(), "subjects", state.subjects.size(),
        "versions", state.versionEntries, "logRecords", state.records, "obsoleteRecords", state.obsoleteRecords(),
        "logBytes", log.size(), "appendsSinceStart", log.appends(), "flushesSinceStart", log.flushes()));
  }

  // ---- writes ----

  /** What a registration decided under the read lock, valid while the subject and the levels are unchanged. */
  private record Prepared(Registered existing, CompatibilityReport report, CompatibilityLevel level,
                          String canonical, long subjectStamp, long configStamp) {
  }

  /**
   * Registers a schema, returning the subject's version that holds it (existing or new). Parsing and the
   * compatibility check run under the shared lock, so concurrent registrations check in parallel and the writer
   * lock covers only the append; if the subject or a level changed in between, the check is done again.
   */
  Registered register(String subject, String schemaText, List<SchemaReference> references) throws ApiException {
    validateSubject(subject);
    while (true) {
      // No flush wait here when the registration goes ahead: its own record follows everything it was checked
      // against, so its flush covers those too. Answers given from this state (existing, 409) wait first.
      Visibility checked = new Visibility();
      Prepared prepared = readInto(checked, v -> prepare(subject, schemaText, references, v));
      if (prepared.existing() != null || !prepared.report().compatible()) {
        sync(checked.position);
      }
      if (prepared.existing() != null) {
        return prepared.existing();
      }
      if (!prepared.report().compatible()) {
        throw new ApiException(409, 409, "Schema being registered is incompatible with an earlier schema for "
            + "subject \"" + subject + "\" under " + prepared.level() + ", details: "
            + describe(prepared.report().findings()));
      }
      Registered registered = write(v -> commit(subject, references, prepared, v));
      if (registered != null) {
        return registered;
      }
    }
  }

  private Prepared prepare(String subject, String schemaText, List<SchemaReference> references, Visibility v)
      throws ApiException {
    SchemaFile candidate = reader.parse(schemaText, references, "the schema", v);
    String canonical = CanonicalForm.of(candidate);
    SubjectVersions versions = state.subjects.get(subject);
    long subjectStamp = versions == null ? -1 : versions.changedAt;
    int id = reader.idOf(canonical, references, v);
    int index = id == 0 || versions == null ? -1 : versions.indexOfId(id, false);
    if (index >= 0) {
      v.need(versions.changedAt);
      return new Prepared(new Registered(subject, versions.version(index), reader.stored(id, v)), null, null,
          canonical, subjectStamp, state.configChangedAt);
    }
    CompatibilityLevel level = state.levelOf(subject);
    CompatibilityReport report = checker.check(level, reader.liveHistory(subject, v),
        new SchemaVersion("the new schema", candidate));
    return new Prepared(null, report, level, canonical, subjectStamp, state.configChangedAt);
  }

  /** Appends and applies a prepared registration, or returns null when it is stale and must be prepared again. */
  private Registered commit(String subject, List<SchemaReference> references, Prepared prepared, Visibility v)
      throws ApiException {
    SubjectVersions versions = state.subjects.get(subject);
    long subjectStamp = versions == null ? -1 : versions.changedAt;
    if (subjectStamp != prepared.subjectStamp() || state.configChangedAt != prepared.configStamp()) {
      return null;
    }
    int existingId = reader.idOf(prepared.canonical(), references, v);
    int id = existingId != 0 ? existingId : state.schemas.maxId() + 1;
    int version = versions == null ? 1 : versions.lastVersion() + 1;
    long position = persist(Json.object("op", "register", "subject", subject, "version", version, "id", id,
        "schema", prepared.canonical(), "references", StoreState.referencesJson(references)));
    long end = log.written();
    state.records++;
    state.applyRegister(subject, version, id, prepared.canonical(), references, position, end);
    reader.remember(id, prepared.canonical());
    v.need(end);
    return new Registered(subject, version, new StoredSchema(id, prepared.canonical(), references));
  }

  CompatibilityLevel setLevel(String subject, CompatibilityLevel level) throws ApiException {
    if (subject != null) {
      validateSubject(subject);
    }
    return write(v -> {
      persistAndApply(Json.object("op", "config", "level", level.name(), "subject", subject), v);
      return level;
    });
  }

  /** Confluent's {@code DELETE /config}: the global level goes back to the default; answers the previous one. */
  CompatibilityLevel deleteGlobalLevel() throws ApiException {
    return write(v -> {
      CompatibilityLevel previous = state.globalLevel;
      persistAndApply(Json.object("op", "config", "subject", null, "level", null), v);
      return previous;
    });
  }

  CompatibilityLevel deleteLevel(String subject) throws ApiException {
    return write(v -> {
      CompatibilityLevel previous = state.subjectLevels.get(subject);
      if (previous == null) {
        throw new ApiException(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility "
            + "configured");
      }
      persistAndApply(Json.object("op", "config", "subject", subject, "level", null), v);
      return previous;
    });
  }

  List<Integer> deleteSubject(String subject, boolean permanent) throws ApiException {
    return write(v -> {
      SubjectVersions versions = reader.subject(subject, true, v);
      List<Integer> live = new ArrayList<>();
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < versions.size(); i++) {
        all.add(versions.version(i));
        if (!versions.deleted(i)) {
          live.add(versions.version(i));
        }
      }
      if (permanent && !live.isEmpty()) {
        throw new ApiException(404, 40405, "Subject '" + subject + "' was not deleted first before being "
            + "permanently deleted");
      }
      if (!permanent && live.isEmpty()) {
        throw new ApiException(404, 40404, "Subject '" + subject + "' was soft deleted. Set permanent=true to "
            + "delete permanently");
      }
      for (int version : live) {
        refuseIfReferenced(subject, version);
      }
      persistAndApply(Json.object("op", "deleteSubject", "subject", subject, "permanent", permanent), v);
      return permanent ? all : live;
    });
  }

  int deleteVersion(String subject, String version, boolean permanent) throws ApiException {
    return write(v -> {
      Registered target = reader.resolveVersion(subject, version, true, v);
      SubjectVersions versions = state.subjects.get(subject);
      boolean deleted = versions.deleted(versions.indexOf(target.version()));
      if (permanent && !deleted) {
        throw new ApiException(404, 40407, "Subject '" + subject + "' Version " + target.version()
            + " was not deleted first before being permanently deleted");
      }
      if (!permanent && deleted) {
        throw new ApiException(404, 40406, "Subject '" + subject + "' Version " + target.version()
            + " was soft deleted. Set permanent=true to delete permanently");
      }
      refuseIfReferenced(subject, target.version());
      persistAndApply(Json.object("op", "deleteVersion", "subject", subject, "version", target.version(),
          "permanent", permanent), v);
      return target.version();
    });
  }

  private void refuseIfReferenced(String subject, int version) throws ApiException {
    List<Integer> referrers = state.referrers(subject, version);
    if (!referrers.isEmpty()) {
      throw new ApiException(422, 42206, "One or more references exist to the schema {subject=" + subject
          + ", version=" + version + "}: schema ids " + referrers);
    }
  }

  private void persistAndApply(Map<String, Object> record, Visibility v) throws ApiException {
    long position = persist(record);
    long end = log.written();
    state.replay(record, position, end);
    v.need(end);
  }

  private long persist(Map<String, Object> record) throws ApiException {
    try {
      return log.append(Json.writeString(record));
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  private static void validateSubject(String subject) throws ApiException {
    if (subject.isBlank() || subject.length() > 4096 || subject.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException(422, 42208, "Invalid subject: a subject is 1 to 4096 characters without control "
          + "characters");
    }
  }

  static String describe(List<Finding> findings) {
    return findings.stream().map(f -> "[" + f.rule() + "] " + f.message() + " Fix: " + f.fix())
        .collect(Collectors.joining("; ", "[", "]"));
  }

  // ---- locking and durability ----

  /** The log position an answer depends on: it is sent only once the log is durable that far. */
  static final class Visibility {
    private long position;

    void need(long logPosition) {
      position = Math.max(position, logPosition);
    }
  }

  interface Body<T> {
    T run(Visibility v) throws ApiException;
  }

  interface UncheckedBody<T> {
    T run(Visibility v);
  }

  private <T> T read(UncheckedBody<T> body) {
    Visibility v = new Visibility();
    T result;
    lock.readLock().lock();
    try {
      result = body.run(v);
    } finally {
      lock.readLock().unlock();
    }
    try {
      sync(v.position);
    } catch (ApiException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return result;
  }

  <T> T readChecked(Body<T> body) throws ApiException {
    Visibility v = new Visibility();
    T result = readInto(v, body);
    sync(v.position);
    return result;
  }

  /** Runs {@code body} under the read lock, leaving the flush its answer needs ({@code v}) to the caller. */
  private <T> T readInto(Visibility v, Body<T> body) throws ApiException {
    lock.readLock().lock();
    try {
      return body.run(v);
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> T write(Body<T> body) throws ApiException {
    Visibility v = new Visibility();
    T result;
    boolean compact;
    lock.writeLock().lock();
    try {
      result = body.run(v);
      compact = Compaction.worthwhile(state);
    } finally {
      lock.writeLock().unlock();
    }
    if (compact) {
      compactInBackground();
    }
    sync(v.position);
    return result;
  }

  private void sync(long position) throws ApiException {
    if (log.durableAt(position)) {
      return;
    }
    try {
      log.sync(position);
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  StoreLog log() {
    return log;
  }

  StoreState state() {
    return state;
  }

  ReentrantReadWriteLock lock() {
    return lock;
  }

  @Override
  public void close() throws IOException {
    Thread running = compactor;
    if (running != null) {
      try {
        running.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lock.writeLock().lock();
    try {
      log.close();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
