package dev.handshake.registry;

import java.time.Duration;

/**
 * What one registry lets its clients use. {@code maxHead}: request line and headers together (431 above);
 * {@code maxBody}: one request body (413, refused from Content-Length before a byte of it is read);
 * {@code bodyBudget}: request bodies being read or handled at once, over all connections (503 above), which with
 * {@code maxConnections} bounds the heap that clients can make the server hold; {@code requestTimeout}: time to
 * send a whole request once its first byte arrived, and to take a whole answer (the connection is closed after);
 * {@code idleTimeout}: how long a kept-alive connection may sit without a request.
 */
record HttpLimits(int maxHead, int maxBody, long bodyBudget, int maxConnections, Duration requestTimeout,
                  Duration idleTimeout) {
  static final HttpLimits DEFAULT = new HttpLimits(16 * 1024, 1024 * 1024, 16L * 1024 * 1024, 1024,
      Duration.ofSeconds(30), Duration.ofSeconds(120));

  HttpLimits withRequestTimeout(Duration timeout) {
    return new HttpLimits(maxHead, maxBody, bodyBudget, maxConnections, timeout, idleTimeout);
  }
}
