package dev.handshake.example.auth.it;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Users changing all the time: a thread publishing one change after another (to both versions' topics) until
 * stopped, so that auth's switch happens while events keep arriving. Only ACTIVE and SUSPENDED: their v1 and v2
 * copies mean the same, so the expected state does not depend on which topic auth applied a change from.
 */
final class UserChangesFlow implements AutoCloseable {
  private final BothVersionsProducer producer;
  private final int users;
  private final Thread thread;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile boolean running = true;

  private UserChangesFlow(BothVersionsProducer producer, int users) {
    this.producer = producer;
    this.users = users;
    this.thread = new Thread(this::run, "user-changes-flow");
  }

  static UserChangesFlow start(BothVersionsProducer producer, int users) {
    UserChangesFlow flow = new UserChangesFlow(producer, users);
    flow.thread.start();
    return flow;
  }

  private void run() {
    try {
      for (long i = 0; running; i++) {
        producer.change("u" + (i % users), i % 3 == 2 ? "SUSPENDED" : "ACTIVE");
      }
    } catch (Exception e) {
      failure.set(e);
    }
  }

  /** Stops publishing (again: a no-op); throws what made the thread fail, if anything did. */
  @Override
  public void close() throws Exception {
    running = false;
    thread.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
