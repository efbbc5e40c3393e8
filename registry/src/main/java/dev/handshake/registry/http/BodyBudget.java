package dev.handshake.registry.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies held at once, over all connections: reserved chunk by chunk as they are read (never as
 * declared, so a client promising a large body and sending nothing holds nothing), given back once handled.
 */
public final class BodyBudget {
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

  /** Whether {@code bytes} more would fit now (admission before a body is read; it is reserved as it arrives). */
  boolean hasRoomFor(long bytes) {
    return used.get() + bytes <= max;
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }
}
