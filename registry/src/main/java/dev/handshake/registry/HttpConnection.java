package dev.handshake.registry;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection's state. Owned by its {@link EventLoop}'s thread, except while {@link State#HANDLING}:
 * then a worker thread owns it (the loop neither reads nor writes it) until the worker hands it back.
 */
final class HttpConnection {
  enum State { READING, HANDLING, DRAINING }

  private static final int FIRST_BUFFER = 4 * 1024;

  final SocketChannel channel;
  final SelectionKey key;
  final RequestParser parser;
  final EventLoop loop;
  State state = State.READING;
  /** Bytes read and not yet parsed (write mode). */
  ByteBuffer in = ByteBuffer.allocate(FIRST_BUFFER);
  /** Answers not yet taken by the socket (write mode). */
  ByteBuffer out = ByteBuffer.allocate(FIRST_BUFFER);
  /** When the first byte of the request being read arrived (0: between requests). */
  long requestStarted;
  long lastActivity;
  /** When a pending answer or a lingering close must be done by (0: none pending). */
  long deadline;
  boolean closeAfterWrite;
  boolean drainAfterWrite;
  long drained;
  boolean closed;

  HttpConnection(SocketChannel channel, SelectionKey key, RequestParser parser, EventLoop loop, long now) {
    this.channel = channel;
    this.key = key;
    this.parser = parser;
    this.loop = loop;
    this.lastActivity = now;
  }

  /** Room for {@code bytes} more in {@link #out}. */
  ByteBuffer outWithRoom(int bytes) {
    if (out.remaining() < bytes) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
      out.flip();
      bigger.put(out);
      out = bigger;
    }
    return out;
  }

  /** Room to read into {@link #in}, up to {@code max} bytes in all; false when it is full at that size. */
  boolean inHasRoom(int max) {
    if (in.hasRemaining()) {
      return true;
    }
    if (in.capacity() >= max) {
      return false;
    }
    ByteBuffer bigger = ByteBuffer.allocate(Math.min(max, in.capacity() * 2));
    in.flip();
    bigger.put(in);
    in = bigger;
    return true;
  }

  /** Queues an answer given on the loop thread (after any pipelined answers still pending). */
  void queue(WireRequest request, Response answer) {
    ByteBuffer buffer = outWithRoom(ResponseHead.MAX_SIZE + answer.extraHeaders().length() + answer.body().length);
    ResponseHead.put(buffer, answer.status(), answer.body().length, answer.extraHeaders(), request.http11(),
        request.keepAlive());
    buffer.put(answer.body());
    closeAfterWrite |= !request.keepAlive();
  }

  /** Queues an error of the HTTP layer in Confluent's shape; the connection closes once it is written. */
  void queueError(int status, String message) {
    byte[] body = ApiHandler.errorBody(status, message);
    ByteBuffer buffer = outWithRoom(ResponseHead.MAX_SIZE + body.length);
    ResponseHead.put(buffer, status, body.length, "", true, false);
    buffer.put(body);
    closeAfterWrite = true;
  }

  /** After a burst of large answers, give the memory back rather than keep it for the connection's life. */
  void shrinkOut() {
    if (out.position() == 0 && out.capacity() > 64 * 1024) {
      out = ByteBuffer.allocate(FIRST_BUFFER);
    }
  }
}
