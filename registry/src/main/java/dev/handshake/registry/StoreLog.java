package dev.handshake.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The registry's durable store: an append-only file of records, each framed as a 4-byte length, a 4-byte
 * CRC32 of the payload and the payload (one JSON document, UTF-8). Nothing is acknowledged before
 * {@link #sync} has forced it ({@code force(true)}), so an acknowledged record survives {@code kill -9} and power
 * loss. On open, a frame
 * that is incomplete or fails its CRC ends the log: it is the tail of a write that was never acknowledged, so
 * it is cut off (and its bytes kept aside in a {@code .torn-*} file for inspection) instead of poisoning
 * every later start. {@link #append} is called under the store's writer lock; {@link #sync} from any thread.
 * The data directory is locked through a separate {@code registry.lock} file, because compaction replaces the
 * log file itself.
 */
final class StoreLog implements Closeable {
  static final String FILE_NAME = "registry.log";
  static final String LOCK_NAME = "registry.lock";
  static final String TORN_PREFIX = FILE_NAME + ".torn-";
  /** Torn tails kept for inspection; older ones are deleted at start so they cannot pile up. */
  static final int TORN_FILES_KEPT = 3;
  static final int HEADER = 8;
  private static final int MAX_RECORD = 64 * 1024 * 1024;

  private final Path dataDir;
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private volatile FileChannel channel;
  private final Object syncLock = new Object();
  private volatile long size;
  private volatile long durable;
  private volatile boolean failed;
  private final AtomicLong flushes = new AtomicLong();
  private final AtomicLong appends = new AtomicLong();
  /** Runs before each force, with {@link #syncLock} held; tests use it to hold a flush while others append. */
  volatile Runnable beforeForce = () -> { };

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
  interface RecordSink {
    void accept(long position, byte[] payload);
  }

  /**
   * Opens (creating) the log in {@code dataDir} and streams every intact record to {@code sink}: the log is
   * never held in memory whole. Leftovers of an interrupted compaction are deleted (the log they were meant to
   * replace is still complete), and only the newest torn tails are kept.
   */
  static StoreLog open(Path dataDir, PrintStream warnings, RecordSink sink) throws IOException {
    Files.createDirectories(dataDir);
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
      throw new IOException("the data directory " + dataDir + " is in use by another registry process; stop it "
          + "or pick another --data-dir");
    }
    try {
      return open(dataDir, warnings, sink, lockChannel, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      lockChannel.close();
      throw e;
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
    long good = readRecords(channel, sink);
    long total = channel.size();
    if (good < total) {
      Path aside = dataDir.resolve(TORN_PREFIX + System.currentTimeMillis());
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(total - good, MAX_RECORD + HEADER));
      channel.read(tail, good);
      Files.write(aside, java.util.Arrays.copyOf(tail.array(), tail.position()));
      channel.truncate(good);
      channel.force(true);
      warnings.println("registry: cut off an incomplete record at the end of " + file + " (" + (total - good)
          + " bytes of a write that was never acknowledged; kept in " + aside.getFileName() + ")");
    }
    deleteOldTornTails(dataDir);
    channel.position(good);
    return new StoreLog(dataDir, lockChannel, lock, channel, good);
  }

  private static void deleteOldTornTails(Path dataDir) throws IOException {
    List<Path> torn;
    try (var files = Files.list(dataDir)) {
      torn = files.filter(p -> p.getFileName().toString().startsWith(TORN_PREFIX)).sorted().toList();
    }
    for (int i = 0; i < torn.size() - TORN_FILES_KEPT; i++) {
      Files.deleteIfExists(torn.get(i));
    }
  }

  private static long readRecords(FileChannel channel, RecordSink into) throws IOException {
    long position = 0;
    long total = channel.size();
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    while (total - position >= HEADER) {
      header.clear();
      readFully(channel, header, position);
      header.flip();
      int length = header.getInt();
      int crc = header.getInt();
      if (length < 0 || length > MAX_RECORD || total - position - HEADER < length) {
        break;
      }
      ByteBuffer payload = ByteBuffer.allocate(length);
      readFully(channel, payload, position + HEADER);
      if (crc32(payload.array()) != crc) {
        break;
      }
      into.accept(position, payload.array());
      position += HEADER + length;
    }
    return position;
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of " + FILE_NAME);
      }
      at += read;
    }
  }

  /** The payload of the record whose frame starts at {@code position} (a position {@link #append} returned). */
  byte[] read(long position) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    FileChannel current = channel;
    readFully(current, header, position);
    header.flip();
    int length = header.getInt();
    if (length < 0 || length > MAX_RECORD) {
      throw new IOException("no record at position " + position + " of " + file);
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    readFully(current, payload, position + HEADER);
    return payload.array();
  }

  /**
   * Writes one record at the end of the log, not yet forced: the caller applies it under its writer lock, then
   * calls {@link #sync} outside the lock before acknowledging anything. A failed write is rolled back to the
   * previous end so later records never follow a broken frame; if even that fails, the log refuses writes.
   *
   * @return the position where the record's frame starts; {@link #written()} is then its end
   */
  long append(String json) throws IOException {
    if (failed) {
      throw new IOException("the store at " + file + " failed earlier and accepts no more writes; restart the "
          + "registry");
    }
    ByteBuffer frame = frame(json);
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
  long written() {
    return size;
  }

  /**
   * Returns once everything up to {@code position} is on disk. Group commit: threads that arrive while a
   * force runs wait for it, then one force covers all their records, so concurrent registrations share fsyncs.
   */
  void sync(long position) throws IOException {
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
  boolean durableAt(long position) {
    return durable >= position;
  }

  long size() {
    return size;
  }

  Path file() {
    return file;
  }

  Path dataDir() {
    return dataDir;
  }

  /** Forces to disk since the log was opened: with group commit, fewer than {@link #appends()}. */
  long flushes() {
    return flushes.get();
  }

  long appends() {
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

  private static int crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  /** Makes a new file's directory entry durable, not just its contents. */
  static void syncDirectory(Path dir) {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open directories; the file's own fsync still covers its contents.
    }
  }

  /** One record as it is written: length, CRC32 of the payload, the payload (JSON, UTF-8). */
  static ByteBuffer frame(String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
    frame.putInt(payload.length).putInt(crc32(payload)).put(payload).flip();
    return frame;
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
