package dev.handshake.registry.api;

import dev.handshake.core.compat.CompatibilityChecker;
import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.compat.CompatibilityReport;
import dev.handshake.core.compat.SchemaVersion;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.core.report.Finding;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.registry.store.LogRecord;
import dev.handshake.registry.store.StoreLog;
import dev.handshake.registry.store.StoreState;
import dev.handshake.registry.store.SubjectVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The store's changes: registrations (parsed and checked under the shared lock, appended under the writer lock
 * only if nothing they were checked against changed meanwhile), levels and deletes.
 */
public final class StoreWrites {
  private final StoreAccess access;
  private final StoreState state;
  private final StoreReader reader;
  private final StoreLog log;
  private final CompatibilityChecker checker = new CompatibilityChecker();

  StoreWrites(StoreAccess access, StoreState state, StoreReader reader, StoreLog log) {
    this.access = access;
    this.state = state;
    this.reader = reader;
    this.log = log;
  }


  /** What a registration decided under the read lock, valid while the subject and the levels are unchanged. */
  private record Prepared(RegistryStore.Registered existing, CompatibilityReport report, CompatibilityLevel level,
                          String canonical, long subjectStamp, long configStamp) {
  }

  /**
   * Registers a schema, returning the subject's version that holds it (existing or new), once the log is durable
   * as far as the answer depends on.
   */
  RegistryStore.Registered register(String subject, String schemaText, List<SchemaReference> references) throws ApiException {
    StoreAccess.Visibility answerNeeds = new StoreAccess.Visibility();
    try {
      return register(subject, schemaText, references, answerNeeds);
    } finally {
      access.sync(answerNeeds.position());
    }
  }

  /**
   * Registers a schema without waiting for the flush: {@code answerNeeds} gets the log position the answer (or
   * the 409) depends on, and the caller must not show either before the log is durable that far. Parsing and the
   * compatibility check run under the shared lock, so concurrent registrations check in parallel and the writer
   * lock covers only the append; if the subject or a level changed in between, the check is done again.
   */
  RegistryStore.Registered register(String subject, String schemaText, List<SchemaReference> references,
                                    StoreAccess.Visibility answerNeeds) throws ApiException {
    validateSubject(subject);
    while (true) {
      // A new registration's own record follows everything it was checked against, so the flush of that record
      // covers those too; answers given from this state (existing, 409) depend on what they were checked against.
      StoreAccess.Visibility checked = new StoreAccess.Visibility();
      Prepared prepared = access.readInto(checked, v -> prepare(subject, schemaText, references, v));
      if (prepared.existing() != null || !prepared.report().compatible()) {
        answerNeeds.need(checked.position().offset());
      }
      if (prepared.existing() != null) {
        return prepared.existing();
      }
      if (!prepared.report().compatible()) {
        throw new ApiException(409, 409, "Schema being registered is incompatible with an earlier schema for "
            + "subject \"" + subject + "\" under " + prepared.level() + ", details: "
            + describe(prepared.report().findings()));
      }
      RegistryStore.Registered registered = access.writeInto(answerNeeds, v -> commit(subject, references, prepared, v));
      if (registered != null) {
        return registered;
      }
    }
  }

  private Prepared prepare(String subject, String schemaText, List<SchemaReference> references, StoreAccess.Visibility v)
      throws ApiException {
    SchemaFile candidate = reader.parse(schemaText, references, "the schema", v);
    String canonical = CanonicalForm.of(candidate);
    SubjectVersions versions = state.subjects.get(subject);
    long subjectStamp = versions == null ? -1 : versions.changedAt;
    int id = reader.idOf(canonical, references, v);
    int index = id == 0 || versions == null ? -1 : versions.indexOfId(id, false);
    if (index >= 0) {
      v.need(versions.changedAt);
      return new Prepared(new RegistryStore.Registered(subject, versions.version(index), reader.stored(id, v)), null, null,
          canonical, subjectStamp, state.configChangedAt);
    }
    CompatibilityLevel level = state.levelOf(subject);
    CompatibilityReport report = checker.check(level, reader.liveHistory(subject, level, v),
        new SchemaVersion("the new schema", candidate));
    return new Prepared(null, report, level, canonical, subjectStamp, state.configChangedAt);
  }

  /** Appends and applies a prepared registration, or returns null when it is stale and must be prepared again. */
  private RegistryStore.Registered commit(String subject, List<SchemaReference> references, Prepared prepared, StoreAccess.Visibility v)
      throws ApiException {
    SubjectVersions versions = state.subjects.get(subject);
    long subjectStamp = versions == null ? -1 : versions.changedAt;
    if (subjectStamp != prepared.subjectStamp() || state.configChangedAt != prepared.configStamp()) {
      return null;
    }
    int existingId = reader.idOf(prepared.canonical(), references, v);
    int id = existingId != 0 ? existingId : state.nextId();
    int version = versions == null ? 1 : versions.lastVersion() + 1;
    access.persistAndApply(new LogRecord.Register(subject, version, id, prepared.canonical(), references, false), v);
    reader.remember(id, prepared.canonical());
    return new RegistryStore.Registered(subject, version, new RegistryStore.StoredSchema(id, prepared.canonical(), references));
  }

  CompatibilityLevel setLevel(String subject, CompatibilityLevel level) throws ApiException {
    if (subject != null) {
      validateSubject(subject);
    }
    return access.write(v -> {
      access.persistAndApply(new LogRecord.Config(subject, level), v);
      return level;
    });
  }

  /** Confluent's {@code DELETE /config}: the global level goes back to the default; answers the previous one. */
  CompatibilityLevel deleteGlobalLevel() throws ApiException {
    return access.write(v -> {
      CompatibilityLevel previous = state.globalLevel;
      access.persistAndApply(new LogRecord.Config(null, null), v);
      return previous;
    });
  }

  CompatibilityLevel deleteLevel(String subject) throws ApiException {
    return access.write(v -> {
      CompatibilityLevel previous = state.subjectLevels.get(subject);
      if (previous == null) {
        throw new ApiException(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility "
            + "configured");
      }
      access.persistAndApply(new LogRecord.Config(subject, null), v);
      return previous;
    });
  }

  List<Integer> deleteSubject(String subject, boolean permanent) throws ApiException {
    return access.write(v -> {
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
      access.persistAndApply(new LogRecord.DeleteSubject(subject, permanent), v);
      return permanent ? all : live;
    });
  }

  int deleteVersion(String subject, String version, boolean permanent) throws ApiException {
    return access.write(v -> {
      RegistryStore.Registered target = reader.resolveVersion(subject, version, true, v);
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
      access.persistAndApply(new LogRecord.DeleteVersion(subject, target.version(), permanent), v);
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

}
