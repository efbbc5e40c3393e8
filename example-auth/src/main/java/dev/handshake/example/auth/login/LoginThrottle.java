package dev.handshake.example.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Brute force, slowed per target and kept off the rest of the API.
 * <ul>
 *   <li>Per key (an email, or a user id for a password change), known or not alike: after {@code maxFailures}
 *   consecutive failures, attempts are refused without checking anything for a window of {@code baseLock},
 *   doubled by each further failure up to {@link #MAX_LOCK}; a success resets the key.</li>
 *   <li>Memory is bounded: at most {@code maxTracked} keys, each held as a fixed-size digest whatever the email's
 *   length, the least recently tried forgotten first (a locked key an attacker keeps trying stays recent).</li>
 *   <li>At most {@code concurrency} password checks (the slow hash) at a time; an attempt that cannot start
 *   within {@link #QUEUE_WAIT} is refused as busy, so a flood of logins never takes the CPU from other requests.</li>
 * </ul>
 */
public final class LoginThrottle {
  public static final Duration MAX_LOCK = Duration.ofMinutes(15);
  public static final Duration QUEUE_WAIT = Duration.ofSeconds(2);
  public static final int DEFAULT_MAX_FAILURES = 10;
  public static final Duration DEFAULT_LOCK = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_TRACKED = 100_000;

  /** One password check; true when it succeeded. */
  @FunctionalInterface
  public interface Attempt {
    boolean run() throws Exception;
  }

  /** The attempt was not made: retry after {@link #retryAfterSeconds()}. */
  public static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    RefusedException(String message, Duration retryAfter) {
      super(message);
      this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private final int maxFailures;
  private final Duration baseLock;
  private final int maxTracked;
  private final LongSupplier clockMillis;
  private final Semaphore checks;
  private final Map<String, Failures> failures;

  public LoginThrottle(int maxFailures, Duration baseLock, int concurrency, int maxTracked, LongSupplier clockMillis) {
    this.maxFailures = maxFailures;
    this.baseLock = baseLock;
    this.maxTracked = maxTracked;
    this.clockMillis = clockMillis;
    this.checks = new Semaphore(concurrency, true);
    this.failures = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > LoginThrottle.this.maxTracked;
      }
    };
  }

  public static LoginThrottle standard(int maxFailures, Duration baseLock, int concurrency) {
    return new LoginThrottle(maxFailures, baseLock, concurrency, DEFAULT_MAX_TRACKED, System::currentTimeMillis);
  }

  /**
   * Runs {@code attempt} for {@code key} unless the key is locked or too many checks run already (then throws
   * {@link RefusedException} without running it); records its outcome and returns it.
   */
  public boolean attempt(String key, Attempt attempt) throws Exception {
    String digest = digest(key);
    long lockedFor = lockedForMillis(digest);
    if (lockedFor > 0) {
      throw new RefusedException("too many failed attempts for this account: try again later",
          Duration.ofMillis(lockedFor));
    }
    if (!checks.tryAcquire(QUEUE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new RefusedException("too many logins at once: try again later", Duration.ofSeconds(1));
    }
    boolean succeeded;
    try {
      succeeded = attempt.run();
    } finally {
      checks.release();
    }
    record(digest, succeeded);
    return succeeded;
  }

  /** How many keys are remembered now (bounded by {@code maxTracked}). */
  public synchronized int tracked() {
    return failures.size();
  }

  private synchronized long lockedForMillis(String digest) {
    Failures entry = failures.get(digest);
    return entry == null ? 0 : entry.lockedUntil - clockMillis.getAsLong();
  }

  private synchronized void record(String digest, boolean succeeded) {
    if (succeeded) {
      failures.remove(digest);
      return;
    }
    Failures entry = failures.computeIfAbsent(digest, key -> new Failures());
    entry.count++;
    if (entry.count >= maxFailures) {
      int doublings = Math.min(entry.count - maxFailures, 30);
      long lock = Math.min(MAX_LOCK.toMillis(), baseLock.toMillis() << doublings);
      entry.lockedUntil = clockMillis.getAsLong() + (lock < 0 ? MAX_LOCK.toMillis() : lock);
    }
  }

  private static String digest(String key) {
    try {
      byte[] bytes = MessageDigest.getInstance("SHA-256")
          .digest(key.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static final class Failures {
    int count;
    long lockedUntil;
  }
}
