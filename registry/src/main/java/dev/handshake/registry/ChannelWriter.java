package dev.handshake.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Blocking writes to a non-blocking connection, for worker threads: what the socket does not take at once is
 * waited for on the worker's own selector, up to a deadline, after which the write fails (and the connection is
 * closed): a client that stops reading cannot hold a worker longer than the request timeout.
 */
final class ChannelWriter {
  private static final ThreadLocal<Selector> SELECTORS = new ThreadLocal<>();

  private final SocketChannel channel;
  private final long deadlineNanos;

  ChannelWriter(SocketChannel channel, long deadlineNanos) {
    this.channel = channel;
    this.deadlineNanos = deadlineNanos;
  }

  void write(ByteBuffer... buffers) throws IOException {
    ByteBuffer last = buffers[buffers.length - 1];
    while (last.hasRemaining()) {
      if (channel.write(buffers) == 0) {
        awaitWritable();
      }
    }
  }

  private void awaitWritable() throws IOException {
    long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remainingMillis <= 0) {
      throw new SocketTimeoutException("the client did not take the answer within the request timeout");
    }
    Selector selector = SELECTORS.get();
    if (selector == null) {
      selector = Selector.open();
      SELECTORS.set(selector);
    }
    SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
    try {
      selector.select(remainingMillis);
    } finally {
      key.cancel();
      // Deregisters the channel now: a channel stays open until every selector it was registered with let go.
      selector.selectNow();
    }
  }

  /** Closes the calling worker thread's selector, if it opened one; called as the worker thread ends. */
  static void releaseThreadSelector() {
    Selector selector = SELECTORS.get();
    SELECTORS.remove();
    if (selector != null) {
      try {
        selector.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }

  /** A body of unknown length in HTTP/1.1 chunked coding, 16 KiB a chunk; {@link #close} ends it. */
  static final class ChunkedStream extends OutputStream {
    private final ChannelWriter writer;
    private final boolean chunked;
    private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    private boolean closed;

    /** {@code chunked} false: the raw bytes, for an HTTP/1.0 client whose connection is closed after them. */
    ChunkedStream(ChannelWriter writer, boolean chunked) {
      this.writer = writer;
      this.chunked = chunked;
    }

    @Override
    public void write(int b) throws IOException {
      if (!buffer.hasRemaining()) {
        sendChunk();
      }
      buffer.put((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        if (!buffer.hasRemaining()) {
          sendChunk();
        }
        int n = Math.min(length, buffer.remaining());
        buffer.put(bytes, offset, n);
        offset += n;
        length -= n;
      }
    }

    private void sendChunk() throws IOException {
      buffer.flip();
      if (buffer.hasRemaining()) {
        if (chunked) {
          writer.write(ascii(Integer.toHexString(buffer.remaining()) + "\r\n"), buffer, ascii("\r\n"));
        } else {
          writer.write(buffer);
        }
      }
      buffer.clear();
    }

    @Override
    public void close() throws IOException {
      // JSON generators close their target when they are closed: the end is written once, whoever closes first.
      if (closed) {
        return;
      }
      closed = true;
      sendChunk();
      if (chunked) {
        writer.write(ascii("0\r\n\r\n"));
      }
    }

    private static ByteBuffer ascii(String text) {
      return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
  }
}
