package dev.handshake.registry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Frames HTTP/1.1 requests out of one connection's bytes, as they arrive: the head (request line and headers,
 * bounded), then the body by Content-Length (refused at once above the limit) or chunked coding (refused as
 * soon as it passes the limit). Bodies are reserved from the server-wide {@link BodyBudget} before they are
 * held. Used by the connection's event loop only.
 */
final class RequestParser {
  private enum State { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS }

  private static final int MAX_LINE_IN_BODY = 1024;
  private static final int MAX_HEADERS = 100;

  private final HttpLimits limits;
  private final BodyBudget budget;
  private State state = State.HEAD;
  private int scanned;
  private RequestHead head;
  private byte[] body;
  private int bodyLength;
  private long chunkLeft;
  private long reserved;
  private boolean continueOwed;

  RequestParser(HttpLimits limits, BodyBudget budget) {
    this.limits = limits;
    this.budget = budget;
  }

  /** True while no byte of a next request has been taken from the buffer. */
  boolean idle() {
    return state == State.HEAD && scanned == 0;
  }

  /** Once per request whose client waits for {@code 100 Continue} before it sends the body. */
  boolean takeContinue() {
    boolean owed = continueOwed;
    continueOwed = false;
    return owed;
  }

  /** Body bytes this connection holds from the budget; the caller gives them back once the request is answered. */
  long takeReserved() {
    long bytes = reserved;
    reserved = 0;
    return bytes;
  }

  /**
   * The next complete request from {@code in} (read mode; its bytes are consumed), or null when more bytes are
   * needed.
   */
  WireRequest next(ByteBuffer in) throws HttpError {
    while (true) {
      switch (state) {
        case HEAD -> {
          int end = endOfHead(in);
          if (end < 0) {
            return null;
          }
          head = RequestHead.parse(in.array(), in.arrayOffset() + in.position(), in.arrayOffset() + end);
          in.position(end);
          scanned = 0;
          if (head.chunked()) {
            startBody(0);
            state = State.CHUNK_SIZE;
          } else if (head.contentLength() > 0) {
            if (head.contentLength() > limits.maxBody()) {
              throw tooLarge();
            }
            startBody((int) head.contentLength());
            state = State.FIXED_BODY;
          } else {
            return complete(WireRequest.NO_BODY);
          }
          continueOwed = head.expectsContinue();
        }
        case FIXED_BODY -> {
          int n = Math.min(in.remaining(), body.length - bodyLength);
          in.get(body, bodyLength, n);
          bodyLength += n;
          if (bodyLength < body.length) {
            return null;
          }
          return complete(body);
        }
        case CHUNK_SIZE -> {
          String line = line(in);
          if (line == null) {
            return null;
          }
          chunkLeft = chunkSize(line);
          if (chunkLeft > limits.maxBody() - bodyLength) {
            throw tooLarge();
          }
          state = chunkLeft == 0 ? State.TRAILERS : State.CHUNK_DATA;
          grow((int) chunkLeft);
        }
        case CHUNK_DATA -> {
          int n = (int) Math.min(in.remaining(), chunkLeft);
          in.get(body, bodyLength, n);
          bodyLength += n;
          chunkLeft -= n;
          if (chunkLeft > 0) {
            return null;
          }
          state = State.CHUNK_END;
        }
        case CHUNK_END -> {
          String line = line(in);
          if (line == null) {
            return null;
          }
          if (!line.isEmpty()) {
            throw new HttpError(400, "Malformed chunked request body: a chunk's data must end with CRLF");
          }
          state = State.CHUNK_SIZE;
        }
        case TRAILERS -> {
          String line = line(in);
          if (line == null) {
            return null;
          }
          if (line.isEmpty()) {
            return complete(Arrays.copyOf(body, bodyLength));
          }
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
  }

  /** Index just past the blank line that ends the head, or -1 (after checking the head is not too long). */
  private int endOfHead(ByteBuffer in) throws HttpError {
    byte[] bytes = in.array();
    int start = in.arrayOffset() + in.position();
    int limit = in.arrayOffset() + in.limit();
    // Blank lines before a request line are allowed (RFC 9112, 2.2): skip them.
    while (scanned == 0 && start < limit && (bytes[start] == '\r' || bytes[start] == '\n')) {
      start++;
      in.position(in.position() + 1);
    }
    for (int i = Math.max(start, start + scanned - 3); i < limit; i++) {
      if (bytes[i] == '\n' && ((i >= start + 1 && bytes[i - 1] == '\n')
          || (i >= start + 2 && bytes[i - 1] == '\r' && bytes[i - 2] == '\n'))) {
        return i + 1 - in.arrayOffset();
      }
    }
    scanned = limit - start;
    if (scanned >= limits.maxHead()) {
      throw new HttpError(431, "Request header fields too large: the request line and headers together may "
          + "have at most " + limits.maxHead() + " bytes");
    }
    return -1;
  }

  private String line(ByteBuffer in) throws HttpError {
    byte[] bytes = in.array();
    int start = in.arrayOffset() + in.position();
    int limit = in.arrayOffset() + in.limit();
    for (int i = start; i < limit; i++) {
      if (bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        in.position(i + 1 - in.arrayOffset());
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
      }
    }
    if (limit - start > MAX_LINE_IN_BODY) {
      throw new HttpError(400, "Malformed chunked request body: a chunk-size or trailer line longer than "
          + MAX_LINE_IN_BODY + " bytes");
    }
    return null;
  }

  private static long chunkSize(String line) throws HttpError {
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    if (hex.isEmpty() || hex.length() > 8) {
      throw new HttpError(400, "Malformed chunked request body: bad chunk size \"" + hex + "\"");
    }
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new HttpError(400, "Malformed chunked request body: bad chunk size \"" + hex + "\"");
    }
  }

  private void startBody(int length) throws HttpError {
    reserve(length);
    body = new byte[length];
    bodyLength = 0;
  }

  private void grow(int more) throws HttpError {
    if (bodyLength + more > body.length) {
      int capacity = (int) Math.min(limits.maxBody(), Math.max(bodyLength + more, 2L * body.length));
      reserve(capacity - body.length);
      body = Arrays.copyOf(body, capacity);
    }
  }

  private void reserve(long bytes) throws HttpError {
    if (!budget.tryReserve(bytes)) {
      throw new HttpError(503, "Server busy: " + budget.max() + " bytes of request bodies are already being "
          + "received or handled; retry shortly");
    }
    reserved += bytes;
  }

  private WireRequest complete(byte[] bytes) {
    RequestHead done = head;
    state = State.HEAD;
    head = null;
    body = null;
    bodyLength = 0;
    return new WireRequest(done.method(), done.rawPath(), done.rawQuery(), done.http11(), done.keepAlive(),
        done.authorization(), bytes);
  }

  private HttpError tooLarge() {
    return new HttpError(413, "Request body larger than " + limits.maxBody() + " bytes");
  }
}
