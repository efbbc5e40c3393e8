package dev.handshake.registry.api;

import dev.handshake.core.HandshakeException;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import dev.handshake.registry.store.LogRecord;
import dev.handshake.registry.store.SchemaCache;
import dev.handshake.registry.store.StoreLog;
import dev.handshake.registry.store.StoreState;
import dev.handshake.registry.store.SubjectVersions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the registry's state for {@link RegistryStore}, whose lock the caller holds: subjects and versions,
 * schema texts read back from the log by position (bounded cache), schemas parsed with their references resolved
 * (bounded cache), identity lookups by fingerprint. Each read notes in its {@link StoreAccess.Visibility} the
 * log position its answer depends on.
 */
public final class StoreReader {
  private final StoreLog log;
  private final StoreState state;
  private final SchemaLoader loader = new SchemaLoader();
  private final SchemaCache<String> texts = new SchemaCache<>(4096, 4L << 20, String::length);
  /** Weighed by estimated heap, not text: a parsed schema takes many times its text's bytes. */
  private final SchemaCache<SchemaFile> parsed = new SchemaCache<>(512, 6L << 20,
      f -> (int) Math.min(Integer.MAX_VALUE, SchemaLimits.estimatedParsedBytes(f.text().length())));

  StoreReader(StoreLog log, StoreState state) {
    this.log = log;
    this.state = state;
  }

  /** Keeps the text of a schema just registered, which the next reads of it will want. */
  void remember(int id, String canonical) {
    texts.put(id, canonical);
  }


  SubjectVersions subject(String subject, boolean includeDeleted, StoreAccess.Visibility v) throws ApiException {
    SubjectVersions versions = state.subjects.get(subject);
    if (versions == null) {
      v.need(state.removedAt);
      throw ApiException.subjectNotFound(subject);
    }
    v.need(versions.changedAt);
    if (!versions.anyVisible(includeDeleted)) {
      throw ApiException.subjectNotFound(subject);
    }
    return versions;
  }

  RegistryStore.Registered resolveVersion(String subject, String version, boolean includeDeleted, StoreAccess.Visibility v)
      throws ApiException {
    SubjectVersions versions = subject(subject, includeDeleted, v);
    int number;
    if ("latest".equals(version) || "-1".equals(version)) {
      number = versions.version(versions.latest(includeDeleted));
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
    int index = versions.indexOf(number);
    if (index < 0 || !versions.visible(index, includeDeleted)) {
      throw ApiException.versionNotFound(subject, number);
    }
    return new RegistryStore.Registered(subject, number, stored(versions.id(index), v));
  }

  /**
   * The live versions, oldest first, that {@code level} compares a candidate with: every one for a transitive
   * level, the latest for the others, none for NONE. Only those are parsed: a subject with many versions would
   * otherwise parse (or page in from the log) all of them for a check that reads one.
   */
  List<SchemaVersion> liveHistory(String subject, CompatibilityLevel level, StoreAccess.Visibility v)
      throws ApiException {
    SubjectVersions versions = state.subjects.get(subject);
    List<SchemaVersion> history = new ArrayList<>();
    if (versions == null || level == CompatibilityLevel.NONE) {
      return history;
    }
    v.need(versions.changedAt);
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.deleted(i)) {
        history.add(0, new SchemaVersion("version " + versions.version(i), parsedById(versions.id(i), v)));
        if (!level.isTransitive()) {
          break;
        }
      }
    }
    return history;
  }

  /** The id of a schema with this identity, 0 if none: the fingerprint narrows, the text decides. */
  int idOf(String canonical, List<SchemaReference> references, StoreAccess.Visibility v) throws ApiException {
    int id = state.schemas.idForFingerprint(StoreState.fingerprint(canonical, references));
    if (id != 0 && state.schemas.references(id).equals(references) && text(id, v).equals(canonical)) {
      return id;
    }
    if (id == 0) {
      return 0;
    }
    return state.schemas.collisions().getOrDefault(StoreState.identityKey(canonical, references), 0);
  }

  RegistryStore.StoredSchema stored(int id, StoreAccess.Visibility v) throws ApiException {
    if (!state.schemas.contains(id)) {
      throw ApiException.schemaNotFound("Schema " + id + " not found");
    }
    return new RegistryStore.StoredSchema(id, text(id, v), state.schemas.references(id));
  }

  /** A schema's canonical text, from the cache or read back from its record in the log. */
  String text(int id, StoreAccess.Visibility v) throws ApiException {
    long position = state.schemas.position(id);
    v.need(position + 1);
    String cached = texts.get(id);
    if (cached != null) {
      return cached;
    }
    try {
      String text = LogRecord.parse(log.read(position)).storedSchema().schema();
      texts.put(id, text);
      return text;
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store reading schema " + id + ": "
          + e.getMessage());
    }
  }

  /** Parses schema text with its references resolved from this store; a failure is Confluent's 42201. */
  SchemaFile parse(String text, List<SchemaReference> references, String what, StoreAccess.Visibility v)
      throws ApiException {
    SchemaLimits.checkNesting(text);
    Map<String, SchemaFile> resolved = new LinkedHashMap<>();
    for (SchemaReference reference : references) {
      resolveReference(reference, resolved, 0, v);
    }
    try {
      return loader.parse(what, text, new ArrayList<>(resolved.values()));
    } catch (HandshakeException e) {
      throw ApiException.invalidSchema("Invalid schema: " + e.getMessage());
    }
  }

  void resolveReference(SchemaReference reference, Map<String, SchemaFile> into, int depth, StoreAccess.Visibility v)
      throws ApiException {
    if (depth > 32) {
      throw ApiException.invalidSchema("Invalid schema: references nest deeper than 32 levels (a cycle?)");
    }
    String key = reference.subject() + ":" + reference.version();
    if (into.containsKey(key)) {
      return;
    }
    RegistryStore.Registered target;
    try {
      target = resolveVersion(reference.subject(), Integer.toString(reference.version()), false, v);
    } catch (ApiException e) {
      throw ApiException.invalidSchema("Invalid schema: reference \"" + reference.name() + "\" to subject \""
          + reference.subject() + "\" version " + reference.version() + " cannot be resolved: " + e.getMessage());
    }
    for (SchemaReference inner : target.schema().references()) {
      resolveReference(inner, into, depth + 1, v);
    }
    into.put(key, parsedById(target.schema().id(), v));
  }

  /** A stored schema parsed, from a bounded cache: the heap never holds every parsed schema. */
  SchemaFile parsedById(int id, StoreAccess.Visibility v) throws ApiException {
    SchemaFile cached = parsed.get(id);
    if (cached != null) {
      return cached;
    }
    Map<String, SchemaFile> refs = new LinkedHashMap<>();
    try {
      for (SchemaReference reference : state.schemas.references(id)) {
        resolveReference(reference, refs, 0, v);
      }
    } catch (ApiException e) {
      // A referenced version was deleted later; the parse below then names the missing type.
    }
    SchemaFile file = loader.parse("schema id " + id, text(id, v), new ArrayList<>(refs.values()));
    parsed.put(id, file);
    return file;
  }
}
