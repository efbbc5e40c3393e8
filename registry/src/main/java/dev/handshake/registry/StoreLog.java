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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The registry's durable store: an append-only file of records, each framed as a 4-byte length, a 4-byte
 * CRC32 of the payload and the payload (one JSON document, UTF-8). Nothing is acknowledged before
 * {@link #sync} has forced it ({@code force(true)}), so an acknowledged record survives {@code kill -9} and power
 * loss. On open, a frame
 * that is incomplete or fails its CRC ends the log: it is the tail of a write that was never acknowledged, so
 * it is cut off (and its bytes kept aside in a {@code .torn-*} file for inspection) instead of poisoning
 * every later start. {@link #append} is called under the store's writer lock; {@link #sync} from any thread.
 */
final class StoreLog implements Closeable {
  static final String FILE_NAME = "registry.log";
  private static final int HEADER = 8;
  private static final int MAX_RECORD = 64 * 1024 * 1024;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Object syncLock = new Object();
  private volatile long size;
  private volatile long durable;
  private volatile boolean failed;

  private StoreLog(Path file, FileChannel channel, FileLock lock, long size) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.size = size;
    this.durable = size;
  }

  /** Opens (creating) the log in {@code dataDir}, returning it with the payloads of every intact record. */
  static Opened open(Path dataDir, PrintStream warnings) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE_NAME);
    boolean created = !Files.exists(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("the data directory " + dataDir + " is in use by another registry process; stop it "
          + "or pick another --data-dir");
    }
    if (created) {
      syncDirectory(dataDir);
    }
    List<byte[]> records = new ArrayList<>();
    long good = readRecords(channel, records);
    long total = channel.size();
    if (good < total) {
      Path aside = dataDir.resolve(FILE_NAME + ".torn-" + System.currentTimeMillis());
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(total - good, MAX_RECORD + HEADER));
      channel.read(tail, good);
      Files.write(aside, java.util.Arrays.copyOf(tail.array(), tail.position()));
      channel.truncate(good);
      channel.force(true);
      warnings.println("registry: cut off an incomplete record at the end of " + file + " (" + (total - good)
          + " bytes of a write that was never acknowledged; kept in " + aside.getFileName() + ")");
    }
    channel.position(good);
    return new Opened(new StoreLog(file, channel, lock, good), records);
  }

  record Opened(StoreLog log, List<byte[]> records) {
  }

  private static long readRecords(FileChannel channel, List<byte[]> into) throws IOException {
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
      into.add(payload.array());
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

  /**
   * Writes one record at the end of the log, not yet forced: the caller applies it under its writer lock, then
   * calls {@link #sync} outside the lock before acknowledging anything. A failed write is rolled back to the
   * previous end so later records never follow a broken frame; if even that fails, the log refuses writes.
   *
   * @return the log's end position after this record, to pass to {@link #sync}
   */
  long append(String json) throws IOException {
    if (failed) {
      throw new IOException("the store at " + file + " failed earlier and accepts no more writes; restart the "
          + "registry");
    }
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
    frame.putInt(payload.length).putInt(crc32(payload)).put(payload).flip();
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
    size = before + HEADER + payload.length;
    return size;
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
      long target = size;
      try {
        channel.force(true);
      } catch (IOException e) {
        // What is in memory may now be ahead of the disk: stop accepting anything until a restart replays it.
        failed = true;
        throw e;
      }
      durable = target;
    }
  }

  long size() {
    return size;
  }

  Path file() {
    return file;
  }

  private static int crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  /** Makes a new file's directory entry durable, not just its contents. */
  private static void syncDirectory(Path dir) {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open directories; the file's own fsync still covers its contents.
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }
}
