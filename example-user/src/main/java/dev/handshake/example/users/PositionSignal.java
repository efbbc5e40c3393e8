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

  /** A counter of everything that happened; pass it to {@link #awaitChangeSince}. */
  synchronized long wakeUps() {
    return wakeUps;
  }

  /**
   * Waits until anything happened (new position or poke) since {@code seen} was read, or {@code timeout}
   * passed: reading the counter before the work means a change during the work is never slept through.
   */
  synchronized void awaitChangeSince(long seen, Duration timeout) throws InterruptedException {
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
