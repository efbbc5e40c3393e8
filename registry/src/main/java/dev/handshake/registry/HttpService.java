package dev.handshake.registry;

import java.io.IOException;

/** What the HTTP layer serves. */
interface HttpService {
  /**
   * The answer, if it can be given on the connection's loop thread: from a cache, or work that needs no thread
   * of its own (a registration: its only wait, the flush, is {@link Response#durableAt}'s and happens off the
   * loop). Null sends the request to a worker thread and {@link #handle}.
   */
  Response answerAtOnce(WireRequest request);

  /** The answer; on a worker thread, so it may block (read the log, wait for a lock). Never throws. */
  Response handle(WireRequest request);

  /** Whether the store is durable up to {@code position} already (an answer depending on it can go now). */
  boolean isDurable(long position);

  /** Makes the store durable up to {@code position}; called by the server's group-commit thread only. */
  void makeDurable(long position) throws IOException;
}
