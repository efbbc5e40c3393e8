package dev.handshake.registry;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.report.Finding;
import dev.handshake.core.schema.NamedTypes;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The registry's state: schemas by global id, subjects with their versions, compatibility levels. Every change
 * is validated, appended to the {@link StoreLog} and applied in memory under one writer lock, so ids and
 * versions are assigned exactly once; it is acknowledged only after the log is forced to disk past it, so no
 * acknowledged change is lost. Reads share a read lock. The state is rebuilt at start by replaying the log through the same {@code apply} methods.
 */
final class RegistryStore implements Closeable {
  static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

  private final StoreLog log;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByIdentity = new HashMap<>();
  private final TreeMap<String, TreeMap<Integer, VersionEntry>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
  private int maxId;

  private final SchemaLoader loader = new SchemaLoader();
  private final CompatibilityChecker checker = new CompatibilityChecker();
  private final Map<Integer, SchemaFile> parsed = new ConcurrentHashMap<>();

  record StoredSchema(int id, String schema, List<SchemaReference> references) {
  }

  record VersionEntry(int id, boolean deleted) {
  }

  record Registered(String subject, int version, StoredSchema schema) {
  }

  private RegistryStore(StoreLog log) {
    this.log = log;
  }

  static RegistryStore open(Path dataDir, PrintStream warnings) throws IOException {
    StoreLog.Opened opened = StoreLog.open(dataDir, warnings);
    RegistryStore store = new RegistryStore(opened.log());
    for (byte[] record : opened.records()) {
      store.replay(asObject(Json.parse(record)));
    }
    return store;
  }

  // ---- reads ----

  List<String> subjects(boolean includeDeleted) {
    return read(() -> subjects.entrySet().stream()
        .filter(e -> e.getValue().values().stream().anyMatch(v -> includeDeleted || !v.deleted()))
        .map(Map.Entry::getKey).toList());
  }

  List<Integer> versions(String subject, boolean includeDeleted) throws ApiException {
    return readChecked(() -> {
      List<Integer> versions = versionMap(subject).entrySet().stream()
          .filter(e -> includeDeleted || !e.getValue().deleted()).map(Map.Entry::getKey).toList();
      if (versions.isEmpty()) {
        throw ApiException.subjectNotFound(subject);
      }
      return versions;
    });
  }

  Registered version(String subject, String version, boolean includeDeleted) throws ApiException {
    return readChecked(() -> resolveVersion(subject, version, includeDeleted));
  }

  StoredSchema schemaById(int id) throws ApiException {
    return readChecked(() -> {
      StoredSchema schema = schemasById.get(id);
      if (schema == null) {
        throw ApiException.schemaNotFound("Schema " + id + " not found");
      }
      return schema;
    });
  }

  /** Every live subject/version whose schema has this id. */
  List<Registered> usagesOf(int id) throws ApiException {
    StoredSchema schema = schemaById(id);
    return read(() -> {
      List<Registered> usages = new ArrayList<>();
      subjects.forEach((subject, versions) -> versions.forEach((version, entry) -> {
        if (entry.id() == id && !entry.deleted()) {
          usages.add(new Registered(subject, version, schema));
        }
      }));
      return usages;
    });
  }

  /** Ids of live schemas that reference {@code subject} at {@code version}. */
  List<Integer> referencedBy(String subject, String version) throws ApiException {
    return readChecked(() -> {
      Registered target = resolveVersion(subject, version, false);
      return referrers(subject, target.version());
    });
  }

  Optional<Registered> lookup(String subject, String schemaText, List<SchemaReference> references,
                              boolean includeDeleted) throws ApiException {
    return readChecked(() -> {
      TreeMap<Integer, VersionEntry> versions = versionMap(subject);
      if (versions.values().stream().noneMatch(v -> includeDeleted || !v.deleted())) {
        throw ApiException.subjectNotFound(subject);
      }
      Integer id = idsByIdentity.get(identity(parse(schemaText, references, "the schema"), references));
      if (id != null) {
        for (var entry : versions.entrySet()) {
          if (entry.getValue().id() == id && (includeDeleted || !entry.getValue().deleted())) {
            return Optional.of(new Registered(subject, entry.getKey(), schemasById.get(id)));
          }
        }
      }
      return Optional.empty();
    });
  }

  CompatibilityLevel globalLevel() {
    return read(() -> globalLevel);
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return read(() -> Optional.ofNullable(subjectLevels.get(subject)));
  }

  /**
   * The registry's verdict for a candidate: against one version (non-transitively, as Confluent does), or
   * with {@code version == null} against the versions the subject's level selects.
   */
  CompatibilityReport testCompatibility(String subject, String version, String schemaText,
                                        List<SchemaReference> references) throws ApiException {
    return readChecked(() -> {
      SchemaFile candidate = parse(schemaText, references, "the schema");
      CompatibilityLevel level = levelOf(subject);
      List<SchemaVersion> history = new ArrayList<>();
      if (version == null) {
        for (var entry : versionMap(subject).entrySet()) {
          if (!entry.getValue().deleted()) {
            history.add(new SchemaVersion("version " + entry.getKey(), parsedById(entry.getValue().id())));
          }
        }
      } else {
        Registered target = resolveVersion(subject, version, false);
        history.add(new SchemaVersion("version " + target.version(), parsedById(target.schema().id())));
        level = level.nonTransitive();
      }
      return checker.check(level, history, new SchemaVersion("the new schema", candidate));
    });
  }

  // ---- writes ----

  /** Registers a schema, returning the subject's version that holds it (existing or new). */
  Registered register(String subject, String schemaText, List<SchemaReference> references) throws ApiException {
    validateSubject(subject);
    // Parsed once, under the read lock: referenced versions cannot go away meanwhile (deleting a referenced
    // schema is refused), so the write below can reuse it.
    SchemaFile candidate = readChecked(() -> parse(schemaText, references, "the schema"));
    String identity = identity(candidate, references);
    // Fast path: registering what is already there changes nothing.
    Optional<Registered> existing = readChecked(() -> existingLive(subject, identity));
    if (existing.isPresent()) {
      return existing.get();
    }
    return write(() -> {
      Optional<Registered> again = existingLive(subject, identity);
      if (again.isPresent()) {
        return again.get();
      }
      CompatibilityLevel level = levelOf(subject);
      List<SchemaVersion> history = new ArrayList<>();
      TreeMap<Integer, VersionEntry> versions = versionMap(subject);
      versions.forEach((number, entry) -> {
        if (!entry.deleted()) {
          history.add(new SchemaVersion("version " + number, parsedById(entry.id())));
        }
      });
      CompatibilityReport report = checker.check(level, history, new SchemaVersion("the new schema", candidate));
      if (!report.compatible()) {
        throw new ApiException(409, 409, "Schema being registered is incompatible with an earlier schema for "
            + "subject \"" + subject + "\" under " + level + ", details: " + describe(report.findings()));
      }
      Integer id = idsByIdentity.get(identity);
      int assignedId = id != null ? id : maxId + 1;
      int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
      String canonical = canonical(candidate);
      List<Object> refs = new ArrayList<>();
      references.forEach(r -> refs.add(Json.object("name", r.name(), "subject", r.subject(),
          "version", r.version())));
      persist(Json.object("op", "register", "subject", subject, "version", version, "id", assignedId,
          "schema", canonical, "references", refs));
      applyRegister(subject, version, assignedId, canonical, references);
      return new Registered(subject, version, schemasById.get(assignedId));
    });
  }

  CompatibilityLevel setLevel(String subject, CompatibilityLevel level) throws ApiException {
    return write(() -> {
      if (subject != null) {
        validateSubject(subject);
      }
      persist(Json.object("op", "config", "level", level.name(), "subject", subject));
      applyConfig(subject, level);
      return level;
    });
  }

  CompatibilityLevel deleteLevel(String subject) throws ApiException {
    return write(() -> {
      CompatibilityLevel previous = subjectLevels.get(subject);
      if (previous == null) {
        throw new ApiException(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility "
            + "configured");
      }
      persist(Json.object("op", "config", "subject", subject, "level", null));
      applyConfig(subject, null);
      return previous;
    });
  }

  List<Integer> deleteSubject(String subject, boolean permanent) throws ApiException {
    return write(() -> {
      TreeMap<Integer, VersionEntry> versions = versionMap(subject);
      if (versions.isEmpty()) {
        throw ApiException.subjectNotFound(subject);
      }
      List<Integer> live = versions.entrySet().stream().filter(e -> !e.getValue().deleted())
          .map(Map.Entry::getKey).toList();
      if (permanent && !live.isEmpty()) {
        throw new ApiException(404, 40405, "Subject '" + subject + "' was not deleted first before being "
            + "permanently deleted");
      }
      if (!permanent && live.isEmpty()) {
        throw new ApiException(404, 40404, "Subject '" + subject + "' was soft deleted. Set permanent=true to "
            + "delete permanently");
      }
      for (int version : live) {
        List<Integer> referrers = referrers(subject, version);
        if (!referrers.isEmpty()) {
          throw new ApiException(422, 42206, "One or more references exist to the schema {subject=" + subject
              + ", version=" + version + "}: schema ids " + referrers);
        }
      }
      List<Integer> affected = permanent ? List.copyOf(versions.keySet()) : live;
      persist(Json.object("op", "deleteSubject", "subject", subject, "permanent", permanent));
      applyDeleteSubject(subject, permanent);
      return affected;
    });
  }

  int deleteVersion(String subject, String version, boolean permanent) throws ApiException {
    return write(() -> {
      Registered target = resolveVersion(subject, version, true);
      VersionEntry entry = versionMap(subject).get(target.version());
      if (permanent && !entry.deleted()) {
        throw new ApiException(404, 40407, "Subject '" + subject + "' Version " + target.version()
            + " was not deleted first before being permanently deleted");
      }
      if (!permanent && entry.deleted()) {
        throw new ApiException(404, 40406, "Subject '" + subject + "' Version " + target.version()
            + " was soft deleted. Set permanent=true to delete permanently");
      }
      List<Integer> referrers = referrers(subject, target.version());
      if (!referrers.isEmpty()) {
        throw new ApiException(422, 42206, "One or more references exist to the schema {subject=" + subject
            + ", version=" + target.version() + "}: schema ids " + referrers);
      }
      persist(Json.object("op", "deleteVersion", "subject", subject, "version", target.version(),
          "permanent", permanent));
      applyDeleteVersion(subject, target.version(), permanent);
      return target.version();
    });
  }

  // ---- replay and apply ----

  private void replay(Map<String, Object> record) {
    String op = (String) record.get("op");
    String subject = (String) record.get("subject");
    switch (String.valueOf(op)) {
      case "register" -> {
        List<SchemaReference> references = new ArrayList<>();
        for (Object item : (List<?>) record.getOrDefault("references", List.of())) {
          Map<String, Object> r = asObject(item);
          references.add(new SchemaReference((String) r.get("name"), (String) r.get("subject"),
              Json.intValue(r.get("version"))));
        }
        applyRegister(subject, Json.intValue(record.get("version")), Json.intValue(record.get("id")),
            (String) record.get("schema"), references);
      }
      case "config" -> applyConfig(subject, record.get("level") == null ? null
          : CompatibilityLevel.valueOf((String) record.get("level")));
      case "deleteSubject" -> applyDeleteSubject(subject, Boolean.TRUE.equals(record.get("permanent")));
      case "deleteVersion" -> applyDeleteVersion(subject, Json.intValue(record.get("version")),
          Boolean.TRUE.equals(record.get("permanent")));
      default -> throw new IllegalStateException("unknown record in " + log.file() + ": " + record);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException("a store record is not a JSON object: " + value);
    }
    return (Map<String, Object>) value;
  }

  private void applyRegister(String subject, int version, int id, String schema, List<SchemaReference> references) {
    StoredSchema stored = schemasById.computeIfAbsent(id, k -> new StoredSchema(id, schema, List.copyOf(references)));
    idsByIdentity.putIfAbsent(identityKey(stored.schema(), stored.references()), id);
    maxId = Math.max(maxId, id);
    subjects.computeIfAbsent(subject, k -> new TreeMap<>()).put(version, new VersionEntry(id, false));
  }

  private void applyConfig(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level == null ? DEFAULT_LEVEL : level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
  }

  private void applyDeleteSubject(String subject, boolean permanent) {
    if (permanent) {
      subjects.remove(subject);
      subjectLevels.remove(subject);
    } else {
      subjects.getOrDefault(subject, new TreeMap<>()).replaceAll((v, e) -> new VersionEntry(e.id(), true));
    }
  }

  private void applyDeleteVersion(String subject, int version, boolean permanent) {
    TreeMap<Integer, VersionEntry> versions = subjects.get(subject);
    if (versions == null) {
      return;
    }
    if (permanent) {
      versions.remove(version);
      if (versions.isEmpty()) {
        subjects.remove(subject);
      }
    } else {
      versions.computeIfPresent(version, (v, e) -> new VersionEntry(e.id(), true));
    }
  }

  // ---- helpers (callers hold a lock) ----

  private TreeMap<Integer, VersionEntry> versionMap(String subject) {
    TreeMap<Integer, VersionEntry> versions = subjects.get(subject);
    return versions == null ? new TreeMap<>() : versions;
  }

  private Registered resolveVersion(String subject, String version, boolean includeDeleted) throws ApiException {
    TreeMap<Integer, VersionEntry> versions = versionMap(subject);
    boolean anyVisible = versions.values().stream().anyMatch(v -> includeDeleted || !v.deleted());
    if (!anyVisible) {
      throw ApiException.subjectNotFound(subject);
    }
    int number;
    if ("latest".equals(version) || "-1".equals(version)) {
      number = versions.descendingMap().entrySet().stream()
          .filter(e -> includeDeleted || !e.getValue().deleted()).findFirst().orElseThrow().getKey();
    } else {
      try {
        number = Integer.parseInt(version);
      } catch (NumberFormatException e) {
        throw ApiException.invalidVersion(version);
      }
      if (number < 1) {
        throw ApiException.invalidVersion(version);
      }
    }
    VersionEntry entry = versions.get(number);
    if (entry == null || (entry.deleted() && !includeDeleted)) {
      throw ApiException.versionNotFound(subject, number);
    }
    return new Registered(subject, number, schemasById.get(entry.id()));
  }

  private Optional<Registered> existingLive(String subject, String identity) {
    Integer id = idsByIdentity.get(identity);
    if (id == null) {
      return Optional.empty();
    }
    for (var entry : versionMap(subject).entrySet()) {
      if (entry.getValue().id() == id && !entry.getValue().deleted()) {
        return Optional.of(new Registered(subject, entry.getKey(), schemasById.get(id)));
      }
    }
    return Optional.empty();
  }

  private List<Integer> referrers(String subject, int version) {
    Set<Integer> ids = new HashSet<>();
    subjects.forEach((s, versions) -> versions.forEach((v, entry) -> {
      if (!entry.deleted()) {
        StoredSchema schema = schemasById.get(entry.id());
        for (SchemaReference reference : schema.references()) {
          if (reference.subject().equals(subject) && reference.version() == version) {
            ids.add(schema.id());
          }
        }
      }
    }));
    return ids.stream().sorted().toList();
  }

  private CompatibilityLevel levelOf(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  /** Parses schema text with its references resolved from this store; a failure is Confluent's 42201. */
  private SchemaFile parse(String text, List<SchemaReference> references, String what) throws ApiException {
    List<SchemaFile> resolved = new ArrayList<>();
    Map<String, SchemaFile> seen = new LinkedHashMap<>();
    for (SchemaReference reference : references) {
      resolveReference(reference, seen, 0);
    }
    resolved.addAll(seen.values());
    try {
      return loader.parse(what, text, resolved);
    } catch (HandshakeException e) {
      throw ApiException.invalidSchema("Invalid schema: " + e.getMessage());
    }
  }

  private void resolveReference(SchemaReference reference, Map<String, SchemaFile> into, int depth)
      throws ApiException {
    if (depth > 32) {
      throw ApiException.invalidSchema("Invalid schema: references nest deeper than 32 levels (a cycle?)");
    }
    String key = reference.subject() + ":" + reference.version();
    if (into.containsKey(key)) {
      return;
    }
    Registered target;
    try {
      target = resolveVersion(reference.subject(), Integer.toString(reference.version()), false);
    } catch (ApiException e) {
      throw ApiException.invalidSchema("Invalid schema: reference \"" + reference.name() + "\" to subject \""
          + reference.subject() + "\" version " + reference.version() + " cannot be resolved: " + e.getMessage());
    }
    for (SchemaReference inner : target.schema().references()) {
      resolveReference(inner, into, depth + 1);
    }
    into.put(key, parsedById(target.schema().id()));
  }

  private SchemaFile parsedById(int id) {
    SchemaFile cached = parsed.get(id);
    if (cached != null) {
      return cached;
    }
    // Not computeIfAbsent: resolving references parses other ids, a recursive update the map forbids.
    StoredSchema stored = schemasById.get(id);
    Map<String, SchemaFile> refs = new LinkedHashMap<>();
    try {
      for (SchemaReference reference : stored.references()) {
        resolveReference(reference, refs, 0);
      }
    } catch (ApiException e) {
      // A referenced version was deleted later; the parse below then names the missing type.
    }
    SchemaFile file = loader.parse("schema id " + id, stored.schema(), new ArrayList<>(refs.values()));
    SchemaFile raced = parsed.putIfAbsent(id, file);
    return raced == null ? file : raced;
  }

  /** Avro's normalized JSON, keeping docs, defaults and aliases (they change meaning), referenced types by name. */
  private static String canonical(SchemaFile file) {
    List<Schema> referenced = new ArrayList<>();
    for (SchemaFile reference : file.references()) {
      NamedTypes.collect(reference.schema(), referenced);
    }
    return referenced.isEmpty() ? file.schema().toString() : file.schema().toString(referenced, false);
  }

  private static String identity(SchemaFile file, List<SchemaReference> references) {
    return identityKey(canonical(file), references);
  }

  private static String identityKey(String canonical, List<SchemaReference> references) {
    return canonical + "\n" + references.stream().map(SchemaReference::toString).collect(Collectors.joining(","));
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

  private void persist(Map<String, Object> record) throws ApiException {
    try {
      log.append(Json.writeString(record));
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  // ---- locking and durability ----
  // Changes are applied in memory before their record is forced, so that fsyncs can be shared (group commit).
  // Every answer therefore first waits until everything it could have seen is on disk: nothing that a crash
  // could take back is ever shown, neither to the registering client nor to a reader.

  private interface Body<T> {
    T run() throws ApiException;
  }

  private <T> T read(java.util.function.Supplier<T> body) {
    long seen;
    T result;
    lock.readLock().lock();
    try {
      result = body.get();
      seen = log.written();
    } finally {
      lock.readLock().unlock();
    }
    try {
      log.sync(seen);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Error in the backend data store: " + e.getMessage(), e);
    }
    return result;
  }

  private <T> T readChecked(Body<T> body) throws ApiException {
    long seen;
    T result;
    lock.readLock().lock();
    try {
      result = body.run();
      seen = log.written();
    } finally {
      lock.readLock().unlock();
    }
    sync(seen);
    return result;
  }

  private <T> T write(Body<T> body) throws ApiException {
    long seen;
    T result;
    lock.writeLock().lock();
    try {
      result = body.run();
      seen = log.written();
    } finally {
      lock.writeLock().unlock();
    }
    sync(seen);
    return result;
  }

  private void sync(long position) throws ApiException {
    try {
      log.sync(position);
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      log.close();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
