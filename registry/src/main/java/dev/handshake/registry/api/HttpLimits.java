package dev.handshake.registry.api;

import java.time.Duration;

/**
 * What one registry lets its clients use. {@code maxHead}: request line and headers together (431 above);
 * {@code maxBody}: one request body (413: from Content-Length before a byte of it is read, or as soon as a chunked
 * body passes it); {@code bodyBudget}: bytes of request bodies read and not yet answered, over all connections,
 * counted as they arrive (503 with Retry-After above); {@code firstRequestTimeout}: how long a new connection may
 * stay silent before its first request; {@code idleTimeout}: how long a connection may stay silent afterwards,
 * within a request (then 408) or between kept-alive requests (then closed).
 */
public record HttpLimits(int maxHead, int maxBody, long bodyBudget, Duration firstRequestTimeout, Duration idleTimeout) {
  public static final HttpLimits DEFAULT = new HttpLimits(16 * 1024, 1024 * 1024, 16L * 1024 * 1024,
      Duration.ofSeconds(10), Duration.ofSeconds(30));

  public HttpLimits withIdleTimeout(Duration timeout) {
    return new HttpLimits(maxHead, maxBody, bodyBudget, firstRequestTimeout, timeout);
  }
}
