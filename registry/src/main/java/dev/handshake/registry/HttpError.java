package dev.handshake.registry;

/**
 * A request the HTTP layer refuses before any handler sees it (malformed, too large, unsupported framing). The
 * connection is closed after the answer: once framing is in doubt, the next request's first byte is unknown.
 */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
