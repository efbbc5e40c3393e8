package dev.handshake.registry.api;

import dev.handshake.core.compat.CompatibilityLevel;
import dev.handshake.core.registry.SchemaReference;
import dev.handshake.registry.store.Compaction;
import dev.handshake.registry.store.LogCut;
import dev.handshake.registry.store.LogRecord;
import dev.handshake.registry.store.StoreLog;
import dev.handshake.registry.store.StoreState;
import dev.handshake.registry.store.SubjectVersions;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The registry's operations over {@link StoreState} and the {@link StoreLog}. A change is validated, appended
 * and applied in memory under the writer lock, which is held only for that (microseconds): the expensive part
 * of a registration, parsing and the compatibility check, runs under the shared read lock beforehand and is
 * redone if the subject or the levels changed meanwhile. The change is acknowledged after the log is forced past
 * its record; concurrent registrations then share one force (group commit: {@link StoreLog#sync} for callers
 * that wait, the HTTP server's {@code http.GroupCommit} for answers that wait without a thread).
 *
 * <p>Schema texts are not kept in memory: they are read back from the log by position, through a bounded cache
 * of texts and one of parsed schemas, so memory per schema is a few dozen bytes whatever the schema's size.
 *
 * <p>Nothing a crash could take back is ever shown: every answer first waits until the log is durable up to the
 * records it depends on (a subject's last change, a schema's record, the last configuration change), and only
 * those: a lookup of a schema written long ago never waits for the flush of an unrelated registration.
 */
public final class RegistryStore implements Closeable {
  static final CompatibilityLevel DEFAULT_LEVEL = StoreState.DEFAULT_LEVEL;

  private final StoreLog log;
  private final StoreState state;
  private final StoreAccess access;
  private final StoreQueries queries;
  private final StoreWrites writes;

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
    StoreReader reader = new StoreReader(log, state);
    this.access = new StoreAccess(log, state, this::compactInBackground);
    this.queries = new StoreQueries(access, state, reader, log);
    this.writes = new StoreWrites(access, state, reader, log);
  }

  public static RegistryStore open(Path dataDir, PrintStream warnings) throws IOException {
    StoreState state = new StoreState();
    StoreLog log = StoreLog.open(dataDir, warnings, (position, payload) -> {
      try {
        state.apply(LogRecord.parse(payload), position, position + StoreLog.HEADER + payload.length);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("record at position " + position + " of the registry log: "
            + e.getMessage(), e);
      }
    });
    state.subjects.values().forEach(SubjectVersions::trim);
    RegistryStore store = new RegistryStore(log, state, warnings);
    if (log.tornTail() != null) {
      store.moveIdsPast(log.tornTail());
    }
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
        long dropped = compact(stage -> { });
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

  /** Compacts the log now, on this thread; returns the number of records dropped. */
  public long compact(Compaction.Observer observer) throws IOException {
    return Compaction.run(log, state, access.lock().writeLock(), observer);
  }

  /** Appends (and forces) the record that keeps every id the cut part may have held from being given again. */
  private void moveIdsPast(LogCut cut) throws IOException {
    LogRecord floor = new LogRecord.IdFloor(cut.nextIdAtLeast(state.nextId() - 1));
    long position = log.append(floor);
    state.apply(floor, position, log.written());
    log.sync(log.written());
  }

  /**
   * {@code handshake registry repair --data-dir DIR} (the registry stopped): cuts the log at its first bad frame,
   * keeps the cut bytes in a side file and moves the id counter past every id they may hold.
   *
   * @return what was done, for the operator
   */
  public static String repair(Path dataDir) throws IOException {
    LogCut cut = StoreLog.repair(dataDir);
    if (cut == null) {
      return dataDir.resolve(StoreLog.FILE_NAME) + " is intact: nothing to repair";
    }
    return "cut " + dataDir.resolve(StoreLog.FILE_NAME) + " at offset " + cut.at() + ": " + cut.bytes()
        + " bytes kept in " + cut.sideFile() + " (never deleted by the registry; remove it yourself once you "
        + "have re-registered what it held); intact records found in them name ids up to " + cut.highestIdSeen()
        + ", and new schemas will get ids past every id the cut part may have held";
  }

  public StoreLog log() {
    return log;
  }

  public StoreState state() {
    return state;
  }

  ReentrantReadWriteLock lock() {
    return access.lock();
  }

  /** Whether the log is durable up to {@code position}: an answer depending on it may be sent. */
  boolean durableAt(DurablePosition position) {
    return access.durableAt(position);
  }

  /** Forces the log up to {@code position}; one force covers every record written before it. */
  void makeDurable(DurablePosition position) throws IOException {
    log.sync(position.offset());
  }

  /** Reads: listings, versions, schemas by id, levels, compatibility tests, stats. */
  public StoreQueries queries() {
    return queries;
  }

  /** Changes: registrations, levels, deletes. */
  StoreWrites writes() {
    return writes;
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
    access.lock().writeLock().lock();
    try {
      log.close();
    } finally {
      access.lock().writeLock().unlock();
    }
  }
}
