package dev.handshake.registry.api;

import java.io.IOException;

/** What the HTTP layer serves. */
public interface HttpService {
  /**
   * The answer given before the body is read (so before {@code 100 Continue}): a 401 without valid credentials,
   * or null when the request may send its body.
   */
  Response refuseBeforeBody(WireRequest head);

  /** The answer; on a Jetty pool thread, never a selector, so it may block (read the log, wait for a lock). */
  Response handle(WireRequest request);

  /** Whether the store is durable up to {@code position} already (an answer depending on it can go now). */
  boolean isDurable(DurablePosition position);

  /** Makes the store durable up to {@code position}; called by the group-commit thread only. */
  void makeDurable(DurablePosition position) throws IOException;
}
