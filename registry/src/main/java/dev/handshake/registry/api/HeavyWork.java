package dev.handshake.registry.api;

import dev.handshake.registry.http.RegistryHandler;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission for the requests whose heap grows with what they carry or list: a schema to parse (and check against
 * earlier versions) costs its estimated parsed size, a listing of schemas its page bound. Together they may hold
 * at most {@code budget} bytes; a request over what is left waits up to {@code patience}, then is refused with
 * 503 and Retry-After. Counted in KiB so that the semaphore's int permits cover any budget.
 */
public final class HeavyWork {
  private final Semaphore kib;
  private final int budgetKib;
  private final Duration patience;

  HeavyWork(long budgetBytes, Duration patience) {
    this.budgetKib = (int) Math.max(1, budgetBytes >> 10);
    this.kib = new Semaphore(budgetKib, true);
    this.patience = patience;
  }

  /** A reservation to close when the work's memory is free again. */
  interface Admission extends AutoCloseable {
    @Override
    void close();
  }

  static final Admission NOTHING = () -> { };

  /**
   * Reserves {@code bytes} (a request larger than the whole budget reserves all of it, so it runs alone).
   *
   * @throws ApiException 503 when the budget stays taken for the whole patience
   */
  Admission admit(long bytes) throws ApiException {
    if (bytes <= 0) {
      return NOTHING;
    }
    int permits = (int) Math.min(budgetKib, Math.max(1, (bytes + 1023) >> 10));
    boolean admitted;
    try {
      admitted = kib.tryAcquire(permits, patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new ApiException(503, 503, "The registry is busy with large schemas or listings (its " + (budgetKib >> 10)
          + " MiB budget for them is taken); retry after " + RegistryHandler.RETRY_AFTER_SECONDS + " s");
    }
    boolean[] closed = {false};
    return () -> {
      synchronized (closed) {
        if (!closed[0]) {
          closed[0] = true;
          kib.release(permits);
        }
      }
    };
  }
}
