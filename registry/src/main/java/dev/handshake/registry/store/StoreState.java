package dev.handshake.registry.store;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.SchemaNormalization;

/**
 * The registry's state in memory, rebuilt from the log at start through the same {@code apply} methods a live
 * change uses: the schema index (no schema texts), subjects with their versions, compatibility levels, and the
 * counts that tell when the log is worth compacting. No locking here: its caller (the API's {@code RegistryStore}) guards it.
 */
public final class StoreState {
  public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

  public final SchemaIndex schemas = new SchemaIndex();
  public final TreeMap<String, SubjectVersions> subjects = new TreeMap<>();
  public final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  public CompatibilityLevel globalLevel = DEFAULT_LEVEL;
  /** Log position just past the last configuration record: reads of a level wait until it is durable. */
  public long configChangedAt;
  /** Log position just past the last record that removed a whole subject: "not found" waits for it. */
  public long removedAt;
  /** Records in the log and version entries in memory: their difference is what compaction would drop. */
  public long records;
  public long versionEntries;
  /**
   * The next new id is at least this: set by records that move the counter past ids a cut part of the log may
   * have given out (repair, a torn tail), and by compaction, which must not let a dropped schema's id be reused.
   */
  int idFloor;

  // ---- replay ----

  /**
   * Applies one record, the only way the state changes: on replay at start, and after each append. Its frame is
   * at {@code position} and ends at {@code end}.
   */
  public void apply(LogRecord record, long position, long end) {
    records++;
    if (record instanceof LogRecord.Register r) {
      addSchema(r.id(), r.schema(), r.references(), position);
      applyVersion(r.subject(), r.version(), r.id(), r.deleted(), end);
    } else if (record instanceof LogRecord.Version v) {
      applyVersion(v.subject(), v.version(), v.id(), v.deleted(), end);
    } else if (record instanceof LogRecord.Schema s) {
      addSchema(s.id(), s.schema(), s.references(), position);
    } else if (record instanceof LogRecord.Config c) {
      applyConfig(c.subject(), c.level(), end);
    } else if (record instanceof LogRecord.DeleteSubject d) {
      applyDeleteSubject(d.subject(), d.permanent(), end);
    } else if (record instanceof LogRecord.DeleteVersion d) {
      applyDeleteVersion(d.subject(), d.version(), d.permanent(), end);
    } else if (record instanceof LogRecord.IdFloor f) {
      idFloor = Math.max(idFloor, f.next());
    }
  }

  // ---- apply ----

  private void addSchema(int id, String canonical, List<SchemaReference> references, long position) {
    if (schemas.contains(id)) {
      return;
    }
    long fingerprint = fingerprint(canonical, references);
    int taken = schemas.idForFingerprint(fingerprint);
    if (taken != 0 && taken != id) {
      // Equal identities always share an id, so a different id under this fingerprint is a real collision.
      schemas.collisions().put(identityKey(canonical, references), id);
    }
    schemas.add(id, position, fingerprint, references);
  }

  private void applyVersion(String subject, int version, int id, boolean deleted, long end) {
    SubjectVersions versions = subjects.computeIfAbsent(subject, k -> new SubjectVersions());
    int before = versions.size();
    versions.put(version, id);
    if (deleted) {
      versions.softDelete(versions.indexOf(version));
    }
    versionEntries += versions.size() - before;
    versions.changedAt = end;
  }

  void applyConfig(String subject, CompatibilityLevel level, long end) {
    if (subject == null) {
      globalLevel = level == null ? DEFAULT_LEVEL : level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
    configChangedAt = end;
  }

  void applyDeleteSubject(String subject, boolean permanent, long end) {
    SubjectVersions versions = subjects.get(subject);
    if (versions == null) {
      return;
    }
    if (permanent) {
      versionEntries -= versions.size();
      subjects.remove(subject);
      subjectLevels.remove(subject);
      removedAt = end;
      configChangedAt = end;
    } else {
      versions.softDeleteAll();
      versions.changedAt = end;
    }
  }

  void applyDeleteVersion(String subject, int version, boolean permanent, long end) {
    SubjectVersions versions = subjects.get(subject);
    int index = versions == null ? -1 : versions.indexOf(version);
    if (index < 0) {
      return;
    }
    versions.changedAt = end;
    if (permanent) {
      versions.remove(index);
      versionEntries--;
      if (versions.size() == 0) {
        subjects.remove(subject);
        removedAt = end;
      }
    } else {
      versions.softDelete(index);
    }
  }

  // ---- queries (callers hold a lock) ----

  public CompatibilityLevel levelOf(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  /** Records the log holds beyond what a compacted log would (one per version, schema and level). */
  /** The id the next new schema gets. */
  public int nextId() {
    return Math.max(schemas.maxId() + 1, idFloor);
  }

  public long obsoleteRecords() {
    long needed = versionEntries + subjectLevels.size() + (globalLevel == DEFAULT_LEVEL ? 0 : 1) + 1;
    return Math.max(0, records - needed);
  }

  /** Ids of live schemas that reference {@code subject} at {@code version}. */
  public List<Integer> referrers(String subject, int version) {
    List<Integer> ids = new ArrayList<>();
    schemas.allReferences().forEach((id, references) -> {
      for (SchemaReference reference : references) {
        if (reference.subject().equals(subject) && reference.version() == version && usedLive(id)) {
          ids.add(id);
          return;
        }
      }
    });
    ids.sort(null);
    return ids;
  }

  private boolean usedLive(int id) {
    for (SubjectVersions versions : subjects.values()) {
      if (versions.indexOfId(id, false) >= 0) {
        return true;
      }
    }
    return false;
  }

  public static String identityKey(String canonical, List<SchemaReference> references) {
    return references.isEmpty() ? canonical
        : canonical + "\n" + references.stream().map(SchemaReference::toString).collect(Collectors.joining(","));
  }

  /** Avro's CRC-64 of the identity: 8 bytes per schema in memory instead of its text. */
  public static long fingerprint(String canonical, List<SchemaReference> references) {
    return SchemaNormalization.fingerprint64(identityKey(canonical, references).getBytes(StandardCharsets.UTF_8));
  }
}
