package dev.handshake.registry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies held at once, over all connections: a body is reserved before it is read (whole from
 * Content-Length, or chunk by chunk) and given back when its request has been answered.
 */
final class BodyBudget {
  private final long max;
  private final AtomicLong used = new AtomicLong();

  BodyBudget(long max) {
    this.max = max;
  }

  boolean tryReserve(long bytes) {
    long now;
    do {
      now = used.get();
      if (now + bytes > max) {
        return false;
      }
    } while (!used.compareAndSet(now, now + bytes));
    return true;
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  long max() {
    return max;
  }
}
