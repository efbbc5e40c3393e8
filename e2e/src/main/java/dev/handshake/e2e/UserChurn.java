package dev.handshake.e2e;

import dev.handshake.testsupport.Await;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Users changing in the background while a step moves something underneath: one thread creating a user, then
 * renaming it, over and over, until stopped. A failed change stops it and fails {@link #stop}.
 */
final class UserChurn implements AutoCloseable {
  private final UserServiceApi users;
  private final String prefix;
  private final AtomicInteger changes = new AtomicInteger();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  private UserChurn(UserServiceApi users, String prefix) {
    this.users = users;
    this.prefix = prefix;
    this.thread = new Thread(this::run, "user-churn-" + prefix);
  }

  /** Starts changing users whose emails begin with {@code prefix}. */
  static UserChurn start(UserServiceApi users, String prefix) {
    UserChurn churn = new UserChurn(users, prefix);
    churn.thread.setDaemon(true);
    churn.thread.start();
    return churn;
  }

  int changes() {
    return changes.get();
  }

  /** Waits until at least {@code count} changes were made. */
  void awaitChanges(int count) throws Exception {
    Await.until(count + " user changes made", () -> {
      rethrow();
      return changes.get() >= count;
    });
  }

  /** Stops and returns how many changes were made; throws the change that failed, if one did. */
  int stop() throws Exception {
    running = false;
    thread.join(60_000);
    rethrow();
    return changes.get();
  }

  private void run() {
    try {
      for (int i = 0; running; i++) {
        String id = users.create(prefix + i + "@example.com", "Churn " + i);
        changes.incrementAndGet();
        if (running) {
          users.update(id, "{\"name\":\"Churned " + i + "\"}");
          changes.incrementAndGet();
        }
      }
    } catch (Exception e) {
      failure.set(e);
    }
  }

  private void rethrow() throws Exception {
    Exception failed = failure.get();
    if (failed != null) {
      throw new AssertionError("a user change failed: " + failed.getMessage(), failed);
    }
  }

  @Override
  public void close() throws Exception {
    if (running) {
      running = false;
      thread.join(60_000);
    }
  }
}
