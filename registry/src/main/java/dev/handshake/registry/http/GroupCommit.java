package dev.handshake.registry.http;

import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.DurablePosition;
import dev.handshake.registry.api.FatalErrors;
import dev.handshake.registry.api.HttpService;
import dev.handshake.registry.api.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The thread that makes answers durable before they go out: answers that depend on log positions not yet flushed
 * wait here, not on a thread of their own; each round flushes once, up to the furthest position asked, and
 * delivers every answer that flush covered. Answers that arrive during a flush share the next one, so under load
 * one fsync acknowledges many registrations, and no registration holds a loop or worker thread while it waits.
 */
public final class GroupCommit implements Runnable {
  private final HttpService service;
  private final RegistryHttpServer server;
  private final Object lock = new Object();
  private List<Waiting> waiting = new ArrayList<>();
  private boolean running = true;

  private record Waiting(Response answer, Consumer<Response> deliver) {
  }

  GroupCommit(HttpService service, RegistryHttpServer server) {
    this.service = service;
    this.server = server;
  }

  /** Delivers {@code answer} once the store is durable up to its {@link Response#durableAt} (any thread). */
  void deliverWhenDurable(Response answer, Consumer<Response> deliver) {
    synchronized (lock) {
      waiting.add(new Waiting(answer, deliver));
      if (waiting.size() == 1) {
        lock.notify();
      }
    }
  }

  void stop() {
    synchronized (lock) {
      running = false;
      lock.notify();
    }
  }

  @Override
  public void run() {
    try {
      while (true) {
        List<Waiting> batch;
        synchronized (lock) {
          while (waiting.isEmpty() && running) {
            lock.wait();
          }
          if (!running) {
            return;   // the loops close every connection still waiting
          }
          batch = waiting;
          waiting = new ArrayList<>();
        }
        flushAndDeliver(batch);
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, server.errors());
    }
  }

  private void flushAndDeliver(List<Waiting> batch) {
    DurablePosition furthest = DurablePosition.NONE;
    for (Waiting w : batch) {
      furthest = furthest.max(w.answer().durableAt());
    }
    Response failure = null;
    try {
      service.makeDurable(furthest);
    } catch (IOException | RuntimeException e) {
      server.logUnexpected("flushing the store for " + batch.size() + " answer(s) failed", e);
      failure = ApiHandler.error(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
    for (Waiting w : batch) {
      w.deliver().accept(failure != null ? failure : w.answer());
    }
  }
}
