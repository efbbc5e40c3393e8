package dev.handshake.example.users;

import java.time.Duration;

/**
 * The last outbox position known in this JVM, and a way to wait for a newer one: the feed's long-poll and the
 * relay sleep here instead of polling the database.
 */
final class PositionSignal {
  private long last;
  private long wakeUps;

  synchronized void advanced(long position) {
    if (position > last) {
      last = position;
    }
    wakeUps++;
    notifyAll();
  }

  /** Wakes waiters without a new position, e.g. after a replay re-queued sent rows. */
  synchronized void poke() {
    wakeUps++;
    notifyAll();
  }

  synchronized long last() {
    return last;
  }

  /** Waits until a position above {@code position} is known or {@code timeout} passed; true if one is. */
  synchronized boolean awaitBeyond(long position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (last <= position) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** Waits until anything happens (new position or poke) or {@code timeout} passed. */
  synchronized void awaitChange(Duration timeout) throws InterruptedException {
    long seen = wakeUps;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (wakeUps == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
