package dev.handshake.core.avro;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary encoding read from a byte array, where every length the data declares (strings, bytes, array
 * and map blocks) is checked against the bytes left before anything is allocated. Avro's own decoder allocates
 * first (a forged 2 GB string length is a 2 GB array: CVE-2023-39410); here it is an
 * {@link AvroDecodeException} of kind {@link AvroDecodeException.Kind#LENGTH_BEYOND_PAYLOAD}, so the memory a
 * payload can make the reader hold is proportional to its size.
 *
 * <p>Collections: every item of a real schema takes at least one byte, except {@code null} and empty records,
 * so a block count larger than the bytes left is refused too. An array of more nulls than it has bytes left is
 * the one legal encoding this refuses. And since those take no bytes, a payload could repeat such blocks without
 * end: every item decoded or skipped counts against the record's budget ({@link DecodeLimits#itemBudget(int)}),
 * checked per block before its items are allocated or skipped.
 */
final class BoundedBinaryDecoder extends Decoder {
  private final byte[] buf;
  private final int limit;
  private final DecodeLimits limits;
  private final int payloadLength;
  private final long itemBudget;
  private int pos;
  private long items;

  BoundedBinaryDecoder(byte[] buf, int offset, int length, DecodeLimits limits) {
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
    this.limits = limits;
    this.payloadLength = length;
    this.itemBudget = limits.itemBudget(length);
  }

  boolean isEnd() {
    return pos == limit;
  }

  int remaining() {
    return limit - pos;
  }

  @Override
  public void readNull() {
  }

  @Override
  public boolean readBoolean() throws IOException {
    require(1);
    return (buf[pos++] & 0xff) == 1;
  }

  @Override
  public int readInt() throws IOException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      require(1);
      int b = buf[pos++] & 0xff;
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (value >>> 1) ^ -(value & 1);
      }
    }
    throw new AvroDecodeException("Invalid int encoding: a varint longer than 5 bytes", null);
  }

  @Override
  public long readLong() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      require(1);
      long b = buf[pos++] & 0xff;
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (value >>> 1) ^ -(value & 1);
      }
    }
    throw new AvroDecodeException("Invalid long encoding: a varint longer than 10 bytes", null);
  }

  @Override
  public float readFloat() throws IOException {
    require(4);
    int bits = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16
        | (buf[pos + 3] & 0xff) << 24;
    pos += 4;
    return Float.intBitsToFloat(bits);
  }

  @Override
  public double readDouble() throws IOException {
    require(8);
    long bits = 0;
    for (int i = 7; i >= 0; i--) {
      bits = bits << 8 | (buf[pos + i] & 0xff);
    }
    pos += 8;
    return Double.longBitsToDouble(bits);
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length("string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    System.arraycopy(buf, pos, result.getBytes(), 0, length);
    pos += length;
    return result;
  }

  @Override
  public String readString() throws IOException {
    int length = length("string");
    String result = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return result;
  }

  @Override
  public void skipString() throws IOException {
    int length = length("string"); // read before pos: "pos += length(...)" would add to the old pos
    pos += length;
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length("bytes");
    ByteBuffer result;
    if (old != null && length <= old.capacity()) {
      result = old;
      result.clear();
    } else {
      result = ByteBuffer.allocate(length);
    }
    result.put(buf, pos, length);
    result.flip();
    pos += length;
    return result;
  }

  @Override
  public void skipBytes() throws IOException {
    int length = length("bytes");
    pos += length;
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    require(length);
    System.arraycopy(buf, pos, bytes, start, length);
    pos += length;
  }

  @Override
  public void skipFixed(int length) throws IOException {
    require(length);
    pos += length;
  }

  @Override
  public int readEnum() throws IOException {
    return readInt();
  }

  @Override
  public long readArrayStart() throws IOException {
    return blockCount("array");
  }

  @Override
  public long arrayNext() throws IOException {
    return blockCount("array");
  }

  @Override
  public long skipArray() throws IOException {
    return skipSizedBlocks("array");
  }

  @Override
  public long readMapStart() throws IOException {
    return blockCount("map");
  }

  @Override
  public long mapNext() throws IOException {
    return blockCount("map");
  }

  @Override
  public long skipMap() throws IOException {
    return skipSizedBlocks("map");
  }

  @Override
  public int readIndex() throws IOException {
    return readInt();
  }

  /** A block's item count; a negative count is followed by the block's byte size, which is checked too. */
  private long blockCount(String what) throws IOException {
    long count = readLong();
    if (count < 0) {
      checkLength(readLong(), what + " block size");
      count = -count;
    }
    return checkCount(count, what);
  }

  /** Skips whole blocks whose byte size is known; returns the item count of the next block without one. */
  private long skipSizedBlocks(String what) throws IOException {
    long count = readLong();
    while (count < 0) {
      long size = checkLength(readLong(), what + " block size");
      pos += (int) size;
      count = readLong();
    }
    return checkCount(count, what);
  }

  private long checkCount(long count, String what) {
    if (count < 0 || count > remaining()) {
      throw new AvroDecodeException(AvroDecodeException.Kind.LENGTH_BEYOND_PAYLOAD, "An " + what + " block "
          + "declares " + count + " items but only " + remaining() + " bytes are left in the payload", null);
    }
    items += count;
    if (items > itemBudget) {
      throw new AvroDecodeException(AvroDecodeException.Kind.TOO_MANY_ITEMS, "An " + what + " block of " + count
          + " items brings the record to " + items + " array and map items, beyond its budget of "
          + limits.describeBudget(payloadLength) + ": items that take no bytes (null, empty records) cannot "
          + "make a small payload cost unbounded work", null);
    }
    return count;
  }

  private int length(String what) throws IOException {
    return (int) checkLength(readLong(), what + " length");
  }

  private long checkLength(long length, String what) {
    if (length < 0) {
      throw new AvroDecodeException("Invalid " + what + " " + length + ": negative", null);
    }
    if (length > remaining()) {
      throw new AvroDecodeException(AvroDecodeException.Kind.LENGTH_BEYOND_PAYLOAD, "A " + what + " of " + length
          + " bytes is beyond the " + remaining() + " bytes left in the payload", null);
    }
    return length;
  }

  private void require(int bytes) throws EOFException {
    if (remaining() < bytes) {
      throw new EOFException("needed " + bytes + " more bytes, " + remaining() + " left");
    }
  }
}
