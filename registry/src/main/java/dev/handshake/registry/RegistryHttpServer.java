package dev.handshake.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry's HTTP/1.1 server, plain java.nio: an acceptor thread, one {@link EventLoop} per CPU that reads
 * requests and answers cached ones itself, and a fixed pool of workers for everything that may block. Limits
 * ({@link HttpLimits}) bound connections, heads, bodies, the bodies held at once and every request's time.
 */
final class RegistryHttpServer implements Closeable {
  private final ServerSocketChannel listener;
  private final HttpLimits limits;
  private final PrintStream errors;
  private final BodyBudget budget;
  private final Semaphore connectionSlots;
  private final List<EventLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private Thread acceptor;
  private ThreadPoolExecutor workers;
  private GroupCommit groupCommit;
  private HttpService service;
  private volatile boolean closing;

  private RegistryHttpServer(ServerSocketChannel listener, HttpLimits limits, PrintStream errors) {
    this.listener = listener;
    this.limits = limits;
    this.errors = errors;
    this.budget = new BodyBudget(limits.bodyBudget());
    this.connectionSlots = new Semaphore(limits.maxConnections());
  }

  /** Binds the port; nothing is served until {@link #start}, connections wait in the backlog meanwhile. */
  static RegistryHttpServer bind(InetSocketAddress address, HttpLimits limits, PrintStream errors)
      throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open();
    try {
      listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      listener.bind(address, 1024);
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
    return new RegistryHttpServer(listener, limits, errors);
  }

  void start(HttpService service, int workerThreads) throws IOException {
    this.service = service;
    AtomicInteger workerCount = new AtomicInteger();
    workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> daemon("registry-worker-" + workerCount.incrementAndGet(), () -> {
          try {
            runnable.run();
          } finally {
            ChannelWriter.releaseThreadSelector();
          }
        }));
    groupCommit = new GroupCommit(service, this);
    threads.add(daemon("registry-group-commit", groupCommit));
    int loopCount = Math.max(1, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < loopCount; i++) {
      EventLoop loop = new EventLoop(this, limits);
      loops.add(loop);
      threads.add(daemon("registry-loop-" + (i + 1), loop));
    }
    // Not a daemon: like the JDK server's dispatcher, it keeps a JVM whose main() has returned serving until
    // close() (or a signal) ends it.
    acceptor = new Thread(this::accept, "registry-accept");
    threads.add(acceptor);
    threads.forEach(Thread::start);
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  InetSocketAddress address() {
    try {
      return (InetSocketAddress) listener.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("the registry's listening socket is closed", e);
    }
  }

  private void accept() {
    int next = 0;
    try {
      while (!closing) {
        connectionSlots.acquire();
        SocketChannel channel;
        try {
          channel = listener.accept();
        } catch (IOException | RuntimeException e) {
          connectionSlots.release();
          throw e;
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        loops.get(next++ % loops.size()).adopt(channel);
      }
    } catch (ClosedChannelException | InterruptedException stopped) {
      // close() ends accepting.
    } catch (IOException | RuntimeException e) {
      if (!closing) {
        logUnexpected("the registry stopped accepting connections", e);
      }
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, errors);
    }
  }

  Response answerAtOnce(WireRequest request) {
    try {
      return service.answerAtOnce(request);
    } catch (RuntimeException e) {
      return null;   // the worker's handle() answers it, and reports what went wrong
    }
  }

  void dispatch(HttpConnection connection, WireRequest request, long reservedBody) {
    workers.execute(() -> handle(connection, request, reservedBody));
  }

  /**
   * Sends {@code answer} once the store is durable as far as it depends on: the connection's loop writes it, and
   * until then the connection stays with no thread (it is {@link HttpConnection.State#HANDLING}, so the loop
   * neither reads nor times it out). True if it had to wait; false if it can be sent now.
   */
  boolean waitForDurability(HttpConnection connection, WireRequest request, Response answer) {
    if (service.isDurable(answer.durableAt())) {
      return false;
    }
    groupCommit.deliverWhenDurable(answer, durable -> connection.loop.deliver(connection, request, durable));
    return true;
  }

  private void handle(HttpConnection connection, WireRequest request, long reservedBody) {
    boolean keepOpen = false;
    boolean handedOff = false;
    long reserved = reservedBody;
    try {
      Response answer = service.handle(request);
      budget.release(reserved);
      reserved = 0;
      handedOff = waitForDurability(connection, request, answer);
      if (handedOff) {
        return;
      }
      keepOpen = send(connection, request, answer);
    } catch (IOException clientGone) {
      keepOpen = false;
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, errors);
    } catch (RuntimeException | Error e) {
      logUnexpected("writing the answer to " + request.method() + " " + request.rawPath() + " failed", e);
    } finally {
      budget.release(reserved);
      if (!handedOff) {
        connection.loop.handBack(connection, keepOpen);
      }
    }
  }

  /** Writes the answer after any pipelined answers still pending; true if the connection may stay open. */
  private boolean send(HttpConnection connection, WireRequest request, Response answer) throws IOException {
    ChannelWriter writer = new ChannelWriter(connection.channel,
        System.nanoTime() + limits.requestTimeout().toNanos());
    ByteBuffer out = connection.outWithRoom(ResponseHead.MAX_SIZE + answer.extraHeaders().length());
    if (answer.streamed() == null) {
      ResponseHead.put(out, answer.status(), answer.body().length, answer.extraHeaders(), request.http11(),
          request.keepAlive());
      writer.write(out.flip(), ByteBuffer.wrap(answer.body()));
      out.clear();
      connection.shrinkOut();
      return request.keepAlive();
    }
    // A body of unknown length: chunked for HTTP/1.1; HTTP/1.0 has no chunks, so its end is the connection's.
    boolean keepOpen = request.keepAlive() && request.http11();
    ResponseHead.put(out, answer.status(), -1, answer.extraHeaders(), request.http11(), keepOpen);
    writer.write(out.flip());
    out.clear();
    try (ChannelWriter.ChunkedStream body = new ChannelWriter.ChunkedStream(writer, request.http11())) {
      answer.streamed().writeTo(body);
    } catch (IOException clientGone) {
      throw clientGone;
    } catch (RuntimeException e) {
      // The status line is out: the client can only see a truncated body, which it will not mistake for a
      // complete one since the final chunk never comes.
      logUnexpected("streaming the answer to " + request.method() + " " + request.rawPath() + " failed", e);
      return false;
    }
    return keepOpen;
  }

  BodyBudget budget() {
    return budget;
  }

  PrintStream errors() {
    return errors;
  }

  void connectionClosed() {
    connectionSlots.release();
  }

  /** Requests being read or handled right now (each loop's count is at most one tick old). */
  int requestsInProgress() {
    return loops.stream().mapToInt(EventLoop::requestsInProgress).sum();
  }

  /** Worker threads running a request right now. */
  int busyWorkers() {
    return workers == null ? 0 : workers.getActiveCount();
  }

  void logUnexpected(String what, Throwable e) {
    synchronized (errors) {
      errors.println("registry: " + what + ": " + e);
      e.printStackTrace(errors);
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      listener.close();
    } catch (IOException e) {
      // Closed anyway.
    }
    if (acceptor != null) {
      acceptor.interrupt();   // it may be waiting for a free connection slot, not in accept()
    }
    loops.forEach(EventLoop::stop);
    if (groupCommit != null) {
      groupCommit.stop();
    }
    ExecutorService pool = workers;
    if (pool != null) {
      pool.shutdown();
    }
    try {
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      }
      if (pool != null) {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
