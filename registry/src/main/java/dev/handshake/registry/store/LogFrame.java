package dev.handshake.registry.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The log's one frame codec, shared by append, replay, compaction and repair: a 4-byte length, a 4-byte CRC32 of
 * the payload, the payload (one JSON object, UTF-8). A length read back is never trusted: it must fit in what is
 * left of the file and under {@link #MAX_PAYLOAD}, so a flipped bit cannot make a reader allocate more than that.
 */
public final class LogFrame {
  public static final int HEADER = 8;
  /**
   * The largest payload a frame may carry: a record holds at most one schema, whose request body is at most
   * the API's request body limit (1 MiB) of JSON; its text re-escaped in the record stays well under this.
   */
  static final int MAX_PAYLOAD = 8 * 1024 * 1024;

  private LogFrame() {
  }

  static ByteBuffer encode(String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("a log record of " + payload.length + " bytes is over the "
          + MAX_PAYLOAD + "-byte frame limit");
    }
    ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
    frame.putInt(payload.length).putInt(crc32(payload, 0, payload.length)).put(payload).flip();
    return frame;
  }

  /**
   * The payload of an intact frame at {@code position}, or null if none starts there: an incomplete header, a
   * length that does not fit in the file's {@code end} or the frame limit, a CRC mismatch, or a payload that does
   * not open a JSON object.
   */
  static byte[] readIntact(FileChannel channel, long position, long end) throws IOException {
    if (end - position < HEADER) {
      return null;
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    readFully(channel, header, position);
    header.flip();
    int length = header.getInt();
    int crc = header.getInt();
    if (length < 2 || length > MAX_PAYLOAD || length > end - position - HEADER) {
      return null;
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    readFully(channel, payload, position + HEADER);
    byte[] bytes = payload.array();
    return bytes[0] == '{' && crc32(bytes, 0, length) == crc ? bytes : null;
  }

  /**
   * The position of the first intact frame after {@code from} (exclusive) and before {@code end}, or -1. Scans
   * the bytes in memory-sized windows; a candidate costs a CRC only when its length is plausible.
   */
  static long nextIntact(FileChannel channel, long from, long end) throws IOException {
    ByteBuffer window = ByteBuffer.allocate(64 * 1024);
    for (long base = from + 1; base + HEADER <= end; base += window.capacity() - HEADER) {
      window.clear();
      window.limit((int) Math.min(window.capacity(), end - base));
      readFully(channel, window, base);
      window.flip();
      for (int i = 0; i + HEADER <= window.limit() && i < window.capacity() - HEADER; i++) {
        int length = window.getInt(i);
        if (length >= 2 && length <= MAX_PAYLOAD && length <= end - base - i - HEADER
            && (i + HEADER >= window.limit() || window.get(i + HEADER) == '{')
            && readIntact(channel, base + i, end) != null) {
          return base + i;
        }
      }
    }
    return -1;
  }

  static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of " + StoreLog.FILE_NAME + " at offset " + at);
      }
      at += read;
    }
  }

  private static int crc32(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
