package dev.handshake.registry.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cutting the log at a bad frame: the bytes from there to the end go to a side file (never deleted by the
 * registry), and the ids they may have held are counted, so the id counter can be moved past every one of them
 * ({@link #nextIdAtLeast}). Intact frames in the cut part name their ids; an unreadable stretch of {@code n}
 * bytes could hold at most {@code n / MIN_FRAME_WITH_ID + 1} records, each with a new id.
 */
public record LogCut(Path sideFile, long at, long bytes, int highestIdSeen, long idsUnaccounted) {
  /** The smallest frame that can carry an id: header plus {@code {"op":"version","id":1}} at least. */
  static final int MIN_FRAME_WITH_ID = LogFrame.HEADER + 24;

  /** The first id that cannot have been given to anything in the cut part, nor before it. */
  public int nextIdAtLeast(int highestIdKept) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(highestIdKept, highestIdSeen) + 1L + idsUnaccounted);
  }

  /** Copies {@code [at, end)} of {@code channel} to {@code sideFile} (forced), reads what it can of it; truncates. */
  static LogCut cut(FileChannel channel, long at, Path sideFile) throws IOException {
    long end = channel.size();
    try (FileChannel out = FileChannel.open(sideFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long copied = 0;
      while (copied < end - at) {
        copied += channel.transferTo(at + copied, end - at - copied, out);
      }
      out.force(true);
    }
    StoreLog.syncDirectory(sideFile.getParent());
    int highest = 0;
    long unreadable = 0;
    long stretches = 0;
    long position = at;
    while (position < end) {
      byte[] payload = LogFrame.readIntact(channel, position, end);
      if (payload != null) {
        highest = Math.max(highest, idIn(payload));
        position += LogFrame.HEADER + payload.length;
        continue;
      }
      long next = LogFrame.nextIntact(channel, position, end);
      long stop = next < 0 ? end : next;
      unreadable += stop - position;
      stretches++;
      position = stop;
    }
    channel.truncate(at);
    channel.force(true);
    return new LogCut(sideFile, at, end - at, highest, unreadable / MIN_FRAME_WITH_ID + stretches);
  }

  /** The id a record names or moves the counter to (0 if none). */
  static int idIn(byte[] payload) {
    LogRecord record;
    try {
      record = LogRecord.parse(payload);
    } catch (RuntimeException notARecord) {
      return 0;   // salvage: a frame that is not one of our records names no id
    }
    if (record instanceof LogRecord.IdFloor floor) {
      return floor.next() - 1;
    }
    LogRecord.Schema stored = record.storedSchema();
    if (stored != null) {
      return stored.id();
    }
    return record instanceof LogRecord.Version version ? version.id() : 0;
  }
}
