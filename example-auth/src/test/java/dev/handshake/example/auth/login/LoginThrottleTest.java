package dev.handshake.example.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle on a clock the test moves: the lock, its growth, its reset, its memory bound, its CPU bound. */
class LoginThrottleTest {
  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void afterMaxFailuresTheKeyIsLockedForAWindowThatDoublesWithEachFurtherFailure() throws Exception {
    LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(10), 1, 100, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.attempt("ada@example.com", () -> false)).isFalse();
    }
    assertThat(refusal(throttle, "ada@example.com").retryAfterSeconds()).isEqualTo(10);
    assertThat(refusal(throttle, "ADA@example.com ").retryAfterSeconds()).as("case and spaces").isEqualTo(10);
    assertThat(throttle.attempt("bob@example.com", () -> true)).as("other keys untouched").isTrue();

    now.addAndGet(10_000);
    assertThat(throttle.attempt("ada@example.com", () -> false)).isFalse();
    assertThat(refusal(throttle, "ada@example.com").retryAfterSeconds()).isEqualTo(20);
    now.addAndGet(20_000);
    assertThat(throttle.attempt("ada@example.com", () -> false)).isFalse();
    assertThat(refusal(throttle, "ada@example.com").retryAfterSeconds()).isEqualTo(40);

    for (int i = 0; i < 40; i++) {
      now.addAndGet(LoginThrottle.MAX_LOCK.toMillis());
      throttle.attempt("ada@example.com", () -> false);
    }
    assertThat(refusal(throttle, "ada@example.com").retryAfterSeconds()).as("capped")
        .isEqualTo(LoginThrottle.MAX_LOCK.toSeconds());
  }

  @Test
  void aSuccessResetsTheCount() throws Exception {
    LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(10), 1, 100, now::get);
    throttle.attempt("ada@example.com", () -> false);
    throttle.attempt("ada@example.com", () -> false);
    throttle.attempt("ada@example.com", () -> true);
    throttle.attempt("ada@example.com", () -> false);
    throttle.attempt("ada@example.com", () -> false);
    assertThat(throttle.attempt("ada@example.com", () -> true)).isTrue();
    assertThat(throttle.tracked()).isZero();
  }

  @Test
  void anAttackerCyclingEmailsCannotGrowItsMemoryNorFreeALockedKeyHeKeepsTrying() throws Exception {
    LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1), 1, 100, now::get);
    for (int i = 0; i < 3; i++) {
      throttle.attempt("target@example.com", () -> false);
    }
    for (int i = 0; i < 10_000; i++) {
      throttle.attempt("user" + i + "@example.com", () -> false);
      if (i % 50 == 0) {
        refusal(throttle, "target@example.com");
      }
      assertThat(throttle.tracked()).isLessThanOrEqualTo(100);
    }
    assertThat(refusal(throttle, "target@example.com").retryAfterSeconds()).isPositive();
  }

  @Test
  void aCheckThatCannotStartWhileOthersHoldTheCpuIsRefusedAsBusy() throws Exception {
    LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1), 1, 100, now::get);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return throttle.attempt("slow@example.com", () -> {
          running.countDown();
          return release.await(30, TimeUnit.SECONDS);
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(refusal(throttle, "other@example.com").getMessage()).contains("too many logins at once");
    } finally {
      release.countDown();
    }
    assertThat(slow.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(throttle.attempt("other@example.com", () -> true)).as("free again").isTrue();
  }

  private static LoginThrottle.RefusedException refusal(LoginThrottle throttle, String key) {
    LoginThrottle.RefusedException[] caught = new LoginThrottle.RefusedException[1];
    assertThatThrownBy(() -> throttle.attempt(key, () -> {
      throw new AssertionError("a refused attempt must not run");
    })).isInstanceOfSatisfying(LoginThrottle.RefusedException.class, e -> caught[0] = e);
    return caught[0];
  }
}
