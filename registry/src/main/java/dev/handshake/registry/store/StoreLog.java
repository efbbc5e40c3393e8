package dev.handshake.registry.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry's durable store: an append-only file of records, each framed as a 4-byte length, a 4-byte
 * CRC32 of the payload and the payload (one JSON document, UTF-8). Nothing is acknowledged before
 * {@link #sync} has forced it ({@code force(true)}), so an acknowledged record survives {@code kill -9} and power
 * loss. Frames are {@link LogFrame}'s. On open, a bad frame (incomplete, or failing its CRC) with no intact
 * frame after it is a torn tail, the end of a write that was never acknowledged: it is cut off, its bytes kept
 * in a {@code .torn-*} side file, and the id counter moved past any id it could have held. A bad frame followed
 * by intact ones is corruption: acknowledged records follow it, so the log refuses to open
 * ({@link CorruptLogException}) until {@code handshake registry repair} cuts it explicitly ({@link #repair}).
 * Side files are never deleted by the registry. {@link #append} is called under the store's writer lock; {@link #sync} from any thread.
 * The data directory is locked through a separate {@code registry.lock} file, because compaction replaces the
 * log file itself.
 */
public final class StoreLog implements Closeable {
  public static final String FILE_NAME = "registry.log";
  static final String LOCK_NAME = "registry.lock";
  public static final String TORN_PREFIX = FILE_NAME + ".torn-";
  public static final String CUT_PREFIX = FILE_NAME + ".cut-";
  public static final int HEADER = LogFrame.HEADER;

  private final Path dataDir;
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private volatile FileChannel channel;
  private final Object syncLock = new Object();
  private volatile long size;
  private volatile long durable;
  private volatile boolean failed;
  /** What was cut off a torn tail at open, or null: the store moves its id counter past it. */
  private LogCut tornTail;
  private final AtomicLong flushes = new AtomicLong();
  private final AtomicLong appends = new AtomicLong();
  /** Runs before each force, with {@link #syncLock} held; tests use it to hold a flush while others append. */
  public volatile Runnable beforeForce = () -> { };

  private StoreLog(Path dataDir, FileChannel lockChannel, FileLock lock, FileChannel channel, long size) {
    this.dataDir = dataDir;
    this.file = dataDir.resolve(FILE_NAME);
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.channel = channel;
    this.size = size;
    this.durable = size;
  }

  /** Receives each intact record at start, in log order, with the position of its frame. */
  public interface RecordSink {
    void accept(long position, byte[] payload);
  }

  /**
   * Opens (creating) the log in {@code dataDir} and streams every intact record to {@code sink}: the log is
   * never held in memory whole. Leftovers of an interrupted compaction are deleted (the log they were meant to
   * replace is still complete), and only the newest torn tails are kept.
   */
  public static StoreLog open(Path dataDir, PrintStream warnings, RecordSink sink) throws IOException {
    Files.createDirectories(dataDir);
    DirectoryLock lock = DirectoryLock.take(dataDir);
    try {
      return open(dataDir, warnings, sink, lock.channel(), lock.lock());
    } catch (IOException | RuntimeException e) {
      lock.release();
      throw e;
    }
  }

  private record DirectoryLock(FileChannel channel, FileLock lock) {
    static DirectoryLock take(Path dataDir) throws IOException {
      FileChannel lockChannel = FileChannel.open(dataDir.resolve(LOCK_NAME), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new IOException("the data directory " + dataDir + " is in use by another registry process; stop "
            + "it or pick another --data-dir");
      }
      return new DirectoryLock(lockChannel, lock);
    }

    void release() throws IOException {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    }
  }

  private static StoreLog open(Path dataDir, PrintStream warnings, RecordSink sink, FileChannel lockChannel,
                               FileLock lock) throws IOException {
    Compaction.deleteLeftovers(dataDir, warnings);
    Path file = dataDir.resolve(FILE_NAME);
    boolean created = !Files.exists(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    if (created) {
      syncDirectory(dataDir);
    }
    long good;
    LogCut torn = null;
    try {
      good = readRecords(channel, sink);
      long total = channel.size();
      if (good < total) {
        long next = LogFrame.nextIntact(channel, good, total);
        if (next >= 0) {
          throw new CorruptLogException(file, good, next);
        }
        torn = LogCut.cut(channel, good, dataDir.resolve(TORN_PREFIX + System.currentTimeMillis()));
        warnings.println("registry: cut off an incomplete record at the end of " + file + " (offset " + good
            + ", " + torn.bytes() + " bytes of a write that was never acknowledged; kept in "
            + torn.sideFile().getFileName() + ")");
      }
      channel.position(good);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    StoreLog log = new StoreLog(dataDir, lockChannel, lock, channel, good);
    log.tornTail = torn;
    return log;
  }

  /** The torn tail cut off at open, or null. */
  public LogCut tornTail() {
    return tornTail;
  }

  /**
   * {@code handshake registry repair}: cuts the log in {@code dataDir} at its first bad frame, keeping the cut
   * bytes in a {@code .cut-*} side file, and appends a record that moves the id counter past every id the cut
   * part may have held. The registry must be stopped (the directory lock says so). Null if the log is intact.
   */
  public static LogCut repair(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "no registry log to repair");
    }
    DirectoryLock lock = DirectoryLock.take(dataDir);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      int[] highestKept = {0};
      long good = readRecords(channel, (position, payload) ->
          highestKept[0] = Math.max(highestKept[0], LogCut.idIn(payload)));
      if (good == channel.size()) {
        return null;
      }
      LogCut cut = LogCut.cut(channel, good, dataDir.resolve(CUT_PREFIX + System.currentTimeMillis()));
      ByteBuffer floor = LogFrame.encode(new LogRecord.IdFloor(cut.nextIdAtLeast(highestKept[0])).toJson());
      while (floor.hasRemaining()) {
        channel.write(floor, good + floor.position());
      }
      channel.force(true);
      return cut;
    } finally {
      lock.release();
    }
  }

  /** Streams intact records to {@code into}; returns where the first bad frame (or the end) is. */
  private static long readRecords(FileChannel channel, RecordSink into) throws IOException {
    long position = 0;
    long total = channel.size();
    byte[] payload;
    while ((payload = LogFrame.readIntact(channel, position, total)) != null) {
      into.accept(position, payload);
      position += HEADER + payload.length;
    }
    return position;
  }

  /** The payload of the record whose frame starts at {@code position} (a position {@link #append} returned). */
  public byte[] read(long position) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    FileChannel current = channel;
    LogFrame.readFully(current, header, position);
    header.flip();
    int length = header.getInt();
    if (length < 0 || length > LogFrame.MAX_PAYLOAD || length > size - position - HEADER) {
      throw new IOException("no record at position " + position + " of " + file);
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    LogFrame.readFully(current, payload, position + HEADER);
    return payload.array();
  }

  /**
   * Writes one record at the end of the log, not yet forced: the caller applies it under its writer lock, then
   * calls {@link #sync} outside the lock before acknowledging anything. A failed write is rolled back to the
   * previous end so later records never follow a broken frame; if even that fails, the log refuses writes.
   *
   * @return the position where the record's frame starts; {@link #written()} is then its end
   */
  public long append(LogRecord record) throws IOException {
    if (failed) {
      throw new IOException("the store at " + file + " failed earlier and accepts no more writes; restart the "
          + "registry");
    }
    ByteBuffer frame = LogFrame.encode(record.toJson());
    long before = size;
    try {
      while (frame.hasRemaining()) {
        channel.write(frame, before + frame.position());
      }
    } catch (IOException e) {
      try {
        channel.truncate(before);
      } catch (IOException rollback) {
        failed = true;
        e.addSuppressed(rollback);
      }
      throw e;
    }
    size = before + frame.limit();
    appends.incrementAndGet();
    return before;
  }

  /** The end of what has been written (durable or not); a reader syncs up to it before answering. */
  public long written() {
    return size;
  }

  /**
   * Returns once everything up to {@code position} is on disk. Group commit: threads that arrive while a
   * force runs wait for it, then one force covers all their records, so concurrent registrations share fsyncs.
   */
  public void sync(long position) throws IOException {
    if (durable >= position) {
      return;
    }
    synchronized (syncLock) {
      if (durable >= position) {
        return;
      }
      if (failed) {
        throw new IOException("the store at " + file + " failed earlier; restart the registry");
      }
      beforeForce.run();
      long target = size;
      try {
        channel.force(true);
        flushes.incrementAndGet();
      } catch (IOException e) {
        // What is in memory may now be ahead of the disk: stop accepting anything until a restart replays it.
        failed = true;
        throw e;
      }
      durable = target;
    }
  }

  /** Whether everything up to {@code position} is already on disk (no flush needed to show it). */
  public boolean durableAt(long position) {
    return durable >= position;
  }

  public long size() {
    return size;
  }

  public Path file() {
    return file;
  }

  Path dataDir() {
    return dataDir;
  }

  /** Forces to disk since the log was opened: with group commit, fewer than {@link #appends()}. */
  public long flushes() {
    return flushes.get();
  }

  public long appends() {
    return appends.get();
  }

  /**
   * Makes {@code replacement} (complete and forced) the log: renames it over {@link #FILE_NAME} atomically,
   * forces the directory so the rename survives a crash before anything else is acknowledged, then writes go
   * to it. Called with the store's writer lock held and the old log fully synced.
   */
  void replaceWith(Path replacement, long replacementSize) throws IOException {
    synchronized (syncLock) {
      Files.move(replacement, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(dataDir);
      FileChannel old = channel;
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      channel.position(replacementSize);
      size = replacementSize;
      durable = replacementSize;
      old.close();
    }
  }

  /** The channel, for compaction to copy frames from (read-only use). */
  FileChannel channel() {
    return channel;
  }

  /** Makes a new file's directory entry durable, not just its contents. */
  static void syncDirectory(Path dir) {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open directories; the file's own fsync still covers its contents.
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      if (lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
    }
  }
}
