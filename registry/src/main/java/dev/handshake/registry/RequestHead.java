package dev.handshake.registry;

import java.nio.charset.StandardCharsets;

/**
 * The request line and the headers the registry acts on, parsed strictly (RFC 9112): anything that could make
 * two parties disagree on where a request ends (Content-Length with Transfer-Encoding, differing lengths, line
 * folding, a space before a header's colon) is refused rather than guessed at.
 */
record RequestHead(String method, String rawPath, String rawQuery, boolean http11, boolean keepAlive,
                   long contentLength, boolean chunked, boolean expectsContinue, String authorization) {

  static RequestHead parse(byte[] bytes, int from, int to) throws HttpError {
    int lineEnd = lineEnd(bytes, from, to);
    int firstSpace = indexOf(bytes, from, lineEnd, (byte) ' ');
    int secondSpace = firstSpace < 0 ? -1 : indexOf(bytes, firstSpace + 1, lineEnd, (byte) ' ');
    if (firstSpace <= from || secondSpace < 0 || secondSpace == firstSpace + 1) {
      throw new HttpError(400, "Malformed request line: expected METHOD SP target SP HTTP/1.1, got \""
          + printable(bytes, from, lineEnd) + "\"");
    }
    String method = method(bytes, from, firstSpace);
    String target = target(bytes, firstSpace + 1, secondSpace);
    String version = new String(bytes, secondSpace + 1, lineEnd - secondSpace - 1, StandardCharsets.US_ASCII);
    boolean http11 = version.equals("HTTP/1.1");
    if (!http11 && !version.equals("HTTP/1.0")) {
      if (version.matches("HTTP/\\d\\.\\d")) {
        throw new HttpError(505, "HTTP version " + version + " is not supported: send HTTP/1.1 or HTTP/1.0");
      }
      throw new HttpError(400, "Malformed request line: the version must be HTTP/1.1 or HTTP/1.0, got \""
          + printable(bytes, secondSpace + 1, lineEnd) + "\"");
    }
    Headers headers = new Headers();
    int count = 0;
    for (int start = next(bytes, lineEnd, to); start < to; ) {
      int end = lineEnd(bytes, start, to);
      if (end == start) {
        break;
      }
      if (++count > MAX_HEADERS) {
        throw new HttpError(431, "Request header fields too large: more than " + MAX_HEADERS + " headers");
      }
      headers.add(bytes, start, end);
      start = next(bytes, end, to);
    }
    if (headers.transferEncoding != null && headers.contentLength >= 0) {
      throw new HttpError(400, "The request has both Transfer-Encoding and Content-Length: send one of them");
    }
    boolean chunked = false;
    if (headers.transferEncoding != null) {
      if (!headers.transferEncoding.equalsIgnoreCase("chunked")) {
        throw new HttpError(501, "Transfer-Encoding \"" + headers.transferEncoding + "\" is not supported: send "
            + "the body with Content-Length or Transfer-Encoding: chunked");
      }
      chunked = true;
    }
    boolean keepAlive = http11 ? !headers.close : headers.keepAlive;
    int query = target.indexOf('?');
    return new RequestHead(method, query < 0 ? target : target.substring(0, query),
        query < 0 ? null : target.substring(query + 1), http11, keepAlive, Math.max(0, headers.contentLength),
        chunked, headers.expectsContinue, headers.authorization);
  }

  private static final int MAX_HEADERS = 100;

  /** The headers the registry reads; others are skipped after their syntax is checked. */
  private static final class Headers {
    long contentLength = -1;
    String transferEncoding;
    boolean close;
    boolean keepAlive;
    boolean expectsContinue;
    String authorization;

    void add(byte[] bytes, int start, int end) throws HttpError {
      if (bytes[start] == ' ' || bytes[start] == '\t') {
        throw new HttpError(400, "Malformed header: obsolete line folding (a header line starting with "
            + "whitespace) is not accepted");
      }
      int colon = indexOf(bytes, start, end, (byte) ':');
      if (colon <= start) {
        throw new HttpError(400, "Malformed header line \"" + printable(bytes, start, end) + "\": expected "
            + "Name: value");
      }
      for (int i = start; i < colon; i++) {
        if (!isToken(bytes[i])) {
          throw new HttpError(400, "Malformed header name \"" + printable(bytes, start, colon) + "\"");
        }
      }
      int valueStart = colon + 1;
      int valueEnd = end;
      while (valueStart < valueEnd && (bytes[valueStart] == ' ' || bytes[valueStart] == '\t')) {
        valueStart++;
      }
      while (valueEnd > valueStart && (bytes[valueEnd - 1] == ' ' || bytes[valueEnd - 1] == '\t')) {
        valueEnd--;
      }
      int nameLength = colon - start;
      if (is(bytes, start, nameLength, "content-length")) {
        long length = contentLength(bytes, valueStart, valueEnd);
        if (contentLength >= 0 && contentLength != length) {
          throw new HttpError(400, "The request has two different Content-Length headers");
        }
        contentLength = length;
      } else if (is(bytes, start, nameLength, "transfer-encoding")) {
        transferEncoding = value(bytes, valueStart, valueEnd);
      } else if (is(bytes, start, nameLength, "connection")) {
        for (String option : value(bytes, valueStart, valueEnd).split(",")) {
          close |= option.trim().equalsIgnoreCase("close");
          keepAlive |= option.trim().equalsIgnoreCase("keep-alive");
        }
      } else if (is(bytes, start, nameLength, "authorization")) {
        authorization = value(bytes, valueStart, valueEnd);
      } else if (is(bytes, start, nameLength, "expect")) {
        String expectation = value(bytes, valueStart, valueEnd);
        if (!expectation.equalsIgnoreCase("100-continue")) {
          throw new HttpError(417, "Expectation \"" + expectation + "\" is not supported (only 100-continue)");
        }
        expectsContinue = true;
      }
    }
  }

  private static long contentLength(byte[] bytes, int start, int end) throws HttpError {
    if (start == end || end - start > 18) {
      throw new HttpError(400, "Invalid Content-Length \"" + printable(bytes, start, end) + "\"");
    }
    long length = 0;
    for (int i = start; i < end; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        throw new HttpError(400, "Invalid Content-Length \"" + printable(bytes, start, end) + "\"");
      }
      length = length * 10 + (bytes[i] - '0');
    }
    return length;
  }

  private static String method(byte[] bytes, int from, int to) throws HttpError {
    for (String known : new String[] {"GET", "POST", "PUT", "DELETE"}) {
      // Methods are case-sensitive; the common ones are shared constants, not a new String per request.
      if (is(bytes, from, to - from, known)) {
        return known;
      }
    }
    for (int i = from; i < to; i++) {
      if (!isToken(bytes[i])) {
        throw new HttpError(400, "Malformed request line: bad method \"" + printable(bytes, from, to) + "\"");
      }
    }
    return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
  }

  /** The target as sent; absolute form ({@code http://host/path}) is reduced to its path and query. */
  private static String target(byte[] bytes, int from, int to) throws HttpError {
    for (int i = from; i < to; i++) {
      if (bytes[i] <= 0x20 || bytes[i] >= 0x7f) {
        throw new HttpError(400, "Malformed request target: byte 0x" + Integer.toHexString(bytes[i] & 0xff)
            + " at position " + (i - from) + "; percent-encode anything outside printable ASCII");
      }
    }
    String target = new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    if (target.startsWith("http://") || target.startsWith("https://")) {
      int path = target.indexOf('/', target.indexOf("//") + 2);
      return path < 0 ? "/" : target.substring(path);
    }
    return target;
  }

  private static boolean is(byte[] bytes, int from, int length, String lowerCase) {
    if (length != lowerCase.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if ((bytes[from + i] | 0x20) != lowerCase.charAt(i) && bytes[from + i] != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isToken(byte b) {
    return b > 0x20 && b < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(b) < 0;
  }

  private static String value(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** End of the line starting at {@code from}, before its CRLF or LF. */
  private static int lineEnd(byte[] bytes, int from, int to) {
    int lf = indexOf(bytes, from, to, (byte) '\n');
    int end = lf < 0 ? to : lf;
    return end > from && bytes[end - 1] == '\r' ? end - 1 : end;
  }

  /** Start of the line after the one ending at {@code lineEnd}. */
  private static int next(byte[] bytes, int lineEnd, int to) {
    int i = lineEnd;
    if (i < to && bytes[i] == '\r') {
      i++;
    }
    return i < to && bytes[i] == '\n' ? i + 1 : to;
  }

  private static String printable(byte[] bytes, int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < Math.min(to, from + 200); i++) {
      char c = (char) (bytes[i] & 0xff);
      text.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return text.toString();
  }
}
