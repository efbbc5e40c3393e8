package dev.handshake.registry;

/** What the HTTP layer serves. */
interface HttpService {
  /**
   * The answer, if it can be given without blocking or waiting for anything (from a cache): it is then written
   * by the connection's loop thread at once. Null sends the request to a worker thread and {@link #handle}.
   */
  Response answerAtOnce(WireRequest request);

  /** The answer; on a worker thread, so it may block (read the log, wait for a flush). Never throws. */
  Response handle(WireRequest request);
}
