package dev.handshake.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits on a condition with a deadline (polling it), never for a fixed time; generous, as the machine is shared. */
public final class Await {
  public static final Duration DEFAULT = Duration.ofMinutes(2);

  private Await() {
  }

  public static void until(String what, Callable<Boolean> condition) throws Exception {
    until(what, DEFAULT, condition);
  }

  public static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() - deadline < 0) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(50);
    }
    AssertionError timedOut = new AssertionError("Timed out after " + timeout + " waiting until " + what);
    if (last != null) {
      timedOut.initCause(last);
    }
    throw timedOut;
  }
}
