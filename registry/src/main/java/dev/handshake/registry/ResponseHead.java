package dev.handshake.registry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a response's status line and headers. Every answer of the registry has the same content type; the
 * status line with it is prepared once per status, and the Date header once per second.
 */
final class ResponseHead {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final int[] STATUSES = {100, 200, 400, 401, 404, 405, 408, 409, 413, 417, 422, 431, 500, 501,
      503, 505};
  private static final byte[][] PREFIXES = new byte[STATUSES.length][];
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CLOSE = ascii("Connection: close\r\n");
  private static final byte[] KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
  private static final byte[] CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
  private static final byte[] LENGTH = ascii("Content-Length: ");
  static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");
  private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static volatile Dated date = new Dated(0, new byte[0]);

  static {
    for (int i = 0; i < STATUSES.length; i++) {
      PREFIXES[i] = ascii("HTTP/1.1 " + STATUSES[i] + " " + reason(STATUSES[i]) + "\r\nContent-Type: "
          + CONTENT_TYPE + "\r\n");
    }
  }

  private record Dated(long second, byte[] line) {
  }

  private ResponseHead() {
  }

  /** The head size an answer needs at most, beyond its extra headers. */
  static final int MAX_SIZE = 256;

  /**
   * Puts the head into {@code out} (which has room for {@link #MAX_SIZE} plus the extra headers): a
   * Content-Length of {@code length}, or chunked coding when it is -1 (HTTP/1.1 only; the caller closes an
   * HTTP/1.0 connection after a body of unknown length instead).
   */
  static void put(ByteBuffer out, int status, long length, String extraHeaders, boolean http11,
                  boolean keepAlive) {
    out.put(prefix(status));
    if (length >= 0) {
      out.put(LENGTH);
      putDigits(out, length);
      out.put(CRLF);
    } else if (http11) {
      out.put(CHUNKED);
    }
    out.put(dateLine());
    if (!keepAlive) {
      out.put(CLOSE);
    } else if (!http11) {
      out.put(KEEP_ALIVE);
    }
    if (!extraHeaders.isEmpty()) {
      out.put(extraHeaders.getBytes(StandardCharsets.ISO_8859_1));
    }
    out.put(CRLF);
  }

  private static byte[] prefix(int status) {
    for (int i = 0; i < STATUSES.length; i++) {
      if (STATUSES[i] == status) {
        return PREFIXES[i];
      }
    }
    return ascii("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + CONTENT_TYPE + "\r\n");
  }

  private static byte[] dateLine() {
    long second = System.currentTimeMillis() / 1000;
    Dated current = date;
    if (current.second() != second) {
      current = new Dated(second, ascii("Date: " + DATE.format(Instant.ofEpochSecond(second)) + "\r\n"));
      date = current;
    }
    return current.line();
  }

  private static void putDigits(ByteBuffer out, long value) {
    if (value >= 10) {
      putDigits(out, value / 10);
    }
    out.put((byte) ('0' + value % 10));
  }

  static String reason(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 417 -> "Expectation Failed";
      case 422 -> "Unprocessable Entity";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> "Status " + status;
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
