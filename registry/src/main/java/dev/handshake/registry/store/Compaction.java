package dev.handshake.registry.store;

import dev.handshake.core.compat.CompatibilityLevel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * Rewrites the log with only what the state needs: one record per version (the first use of a schema carries its
 * text, later uses only its id), one per schema no version uses any more (ids are never reused), one per
 * configured level. Deleted versions, delete records and superseded levels are gone.
 *
 * <p>Crash-safe by construction: the new log is written beside the old one ({@value #SUFFIX}), forced, and then
 * renamed over it atomically, and the directory is forced before anything else is acknowledged. Until the rename
 * the old log is complete and authoritative (a leftover new file is deleted at the next start); after it the new
 * one is. Registrations continue during the copy; the few records they append meanwhile are copied verbatim
 * under the writer lock just before the rename.
 */
public final class Compaction {
  public static final String SUFFIX = ".compacting";

  /** Points where a test can stop compaction to kill the process there. */
  public enum Stage { COPIED, BEFORE_RENAME, RENAMED }

  public interface Observer {
    void at(Stage stage);
  }

  private Compaction() {
  }

  static void deleteLeftovers(Path dataDir, PrintStream warnings) throws IOException {
    Path leftover = dataDir.resolve(StoreLog.FILE_NAME + SUFFIX);
    if (Files.deleteIfExists(leftover)) {
      warnings.println("registry: deleted " + leftover.getFileName() + ", left by a compaction that did not "
          + "finish; " + StoreLog.FILE_NAME + " is complete");
    }
  }

  /** Whether the log holds at least as many records compaction would drop as it would keep (and is not tiny). */
  public static boolean worthwhile(StoreState state) {
    return state.records >= 1024 && state.obsoleteRecords() * 2 >= state.records;
  }

  private record Entry(String subject, int version, int id, boolean deleted) {
  }

  /** Compacts {@code log} (whose records {@code state} holds, guarded by {@code writeLock}); returns the number of records dropped. */
  public static long run(StoreLog log, StoreState state, Lock writeLock, Observer observer) throws IOException {
    List<Entry> entries = new ArrayList<>();
    long[] positions;
    Map<String, CompatibilityLevel> levels;
    long snapshotEnd;
    long recordsBefore;
    int nextId;
    writeLock.lock();
    try {
      state.subjects.forEach((subject, versions) -> {
        for (int i = 0; i < versions.size(); i++) {
          entries.add(new Entry(subject, versions.version(i), versions.id(i), versions.deleted(i)));
        }
      });
      positions = new long[state.schemas.maxId() + 1];
      for (int id = 1; id < positions.length; id++) {
        positions[id] = state.schemas.contains(id) ? state.schemas.position(id) : -1;
      }
      levels = new java.util.LinkedHashMap<>(state.subjectLevels.size() + 1);
      levels.putAll(state.subjectLevels);
      if (state.globalLevel != StoreState.DEFAULT_LEVEL) {
        levels.put(null, state.globalLevel);
      }
      snapshotEnd = log.written();
      recordsBefore = state.records;
      nextId = state.nextId();
    } finally {
      writeLock.unlock();
    }
    log.sync(snapshotEnd);

    Path target = log.dataDir().resolve(StoreLog.FILE_NAME + SUFFIX);
    long[] moved = new long[positions.length];
    long written = 0;
    long kept = 0;
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      BitSet carried = new BitSet(positions.length);
      for (Entry entry : entries) {
        LogRecord record;
        if (!carried.get(entry.id())) {
          LogRecord.Schema original = LogRecord.parse(log.read(positions[entry.id()])).storedSchema();
          record = new LogRecord.Register(entry.subject(), entry.version(), entry.id(), original.schema(),
              original.references(), entry.deleted());
          carried.set(entry.id());
          moved[entry.id()] = written;
        } else {
          record = new LogRecord.Version(entry.subject(), entry.version(), entry.id(), entry.deleted());
        }
        written += writeFrame(out, written, record);
        kept++;
      }
      for (int id = 1; id < positions.length; id++) {
        if (positions[id] >= 0 && !carried.get(id)) {
          LogRecord.Schema original = LogRecord.parse(log.read(positions[id])).storedSchema();
          moved[id] = written;
          written += writeFrame(out, written, new LogRecord.Schema(id, original.schema(), original.references()));
          kept++;
        }
      }
      for (var level : levels.entrySet()) {
        written += writeFrame(out, written, new LogRecord.Config(level.getKey(), level.getValue()));
        kept++;
      }
      // Without it, the ids of schemas whose every version was deleted permanently would be given out again.
      written += writeFrame(out, written, new LogRecord.IdFloor(nextId));
      kept++;
      out.force(true);
      observer.at(Stage.COPIED);

      writeLock.lock();
      try {
        long end = log.written();
        log.sync(end);
        long tailRecords = state.records - recordsBefore;
        long tailStart = written;
        written += copy(log.channel(), snapshotEnd, end, out, tailStart);
        out.force(true);
        observer.at(Stage.BEFORE_RENAME);
        log.replaceWith(target, written);
        observer.at(Stage.RENAMED);
        for (int id = 1; id <= state.schemas.maxId(); id++) {
          if (!state.schemas.contains(id)) {
            continue;
          }
          if (id < positions.length && positions[id] >= 0) {
            state.schemas.move(id, moved[id]);
          } else {
            state.schemas.move(id, state.schemas.position(id) - snapshotEnd + tailStart);
          }
        }
        state.records = kept + tailRecords;
      } finally {
        writeLock.unlock();
      }
    } finally {
      Files.deleteIfExists(target);
    }
    return recordsBefore - kept;
  }

  private static int writeFrame(FileChannel out, long at, LogRecord record) throws IOException {
    ByteBuffer frame = LogFrame.encode(record.toJson());
    long position = at;
    while (frame.hasRemaining()) {
      position += out.write(frame, position);
    }
    return frame.limit();
  }

  private static long copy(FileChannel from, long start, long end, FileChannel to, long at) throws IOException {
    long copied = 0;
    while (copied < end - start) {
      copied += from.transferTo(start + copied, end - start - copied, to.position(at + copied));
    }
    return copied;
  }
}
