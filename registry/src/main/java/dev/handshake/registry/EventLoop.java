package dev.handshake.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * One selector thread serving many connections, like an nginx worker: it reads and frames requests, answers at
 * once those the service can answer on this thread (a schema by id from its cache, a registration: the hot
 * paths, no thread hand-off; an answer that must wait for a flush is written when {@link GroupCommit} delivers
 * it), passes the others to a worker and takes the connection back afterwards, writes what sockets accept, and
 * every {@link #TICK_MILLIS} closes connections whose request, answer or idle time ran out.
 */
final class EventLoop implements Runnable {
  static final long TICK_MILLIS = 250;
  /** Pipelined answers queued past this wait until the client has read some. */
  private static final int OUT_HIGH_WATER = 64 * 1024;
  /** What a client refused with an error may still send (and have discarded) before the connection is cut. */
  private static final long MAX_DISCARD = 64L * 1024 * 1024;

  private final RegistryHttpServer server;
  private final HttpLimits limits;
  private final Selector selector;
  private final Queue<SocketChannel> adopted = new ConcurrentLinkedQueue<>();
  private final Queue<HttpConnection> handedBack = new ConcurrentLinkedQueue<>();
  private final Queue<Delivery> delivered = new ConcurrentLinkedQueue<>();
  private final Set<HttpConnection> connections = new HashSet<>();
  private final ByteBuffer discard = ByteBuffer.allocate(8 * 1024);
  private volatile boolean running = true;
  private volatile int requestsInProgress;
  private long now;
  private long nextTick;

  EventLoop(RegistryHttpServer server, HttpLimits limits) throws IOException {
    this.server = server;
    this.limits = limits;
    this.selector = Selector.open();
  }

  /** Takes a newly accepted connection (any thread). */
  void adopt(SocketChannel channel) {
    adopted.add(channel);
    selector.wakeup();
  }

  /** A worker is done with a connection: the loop reads its next request, or closes it (any thread). */
  void handBack(HttpConnection connection, boolean keepOpen) {
    if (!keepOpen) {
      connection.closeAfterWrite = true;
    }
    handedBack.add(connection);
    selector.wakeup();
  }

  private record Delivery(HttpConnection connection, WireRequest request, Response answer) {
  }

  /**
   * An answer that waited for the store to be durable: the loop writes it, then reads the connection's next
   * request (any thread; the connection is {@link HttpConnection.State#HANDLING} until then).
   */
  void deliver(HttpConnection connection, WireRequest request, Response answer) {
    delivered.add(new Delivery(connection, request, answer));
    selector.wakeup();
  }

  /** Requests being read or handled, as of the last tick. */
  int requestsInProgress() {
    return requestsInProgress;
  }

  void stop() {
    running = false;
    selector.wakeup();
  }

  @Override
  public void run() {
    try {
      while (running) {
        selector.select(this::ready, TICK_MILLIS);
        now = System.nanoTime();
        takeQueued();
        if (now - nextTick >= 0) {
          tick();
          nextTick = now + TICK_MILLIS * 1_000_000;
        }
      }
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, server.errors());
    } catch (IOException | RuntimeException | Error e) {
      server.logUnexpected("the connection loop " + Thread.currentThread().getName() + " stopped", e);
    } finally {
      takeQueued();   // with running false, connections handed back are closed, new ones registered
      for (HttpConnection connection : List.copyOf(connections)) {
        close(connection);
      }
      try {
        selector.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }

  private void takeQueued() {
    SocketChannel channel;
    while ((channel = adopted.poll()) != null) {
      register(channel);
    }
    HttpConnection returned;
    while ((returned = handedBack.poll()) != null) {
      HttpConnection connection = returned;
      if (connection.closeAfterWrite || !running) {
        close(connection);
      } else {
        connection.state = HttpConnection.State.READING;
        connection.lastActivity = now;
        guard(connection, () -> process(connection));
      }
    }
    Delivery delivery;
    while ((delivery = delivered.poll()) != null) {
      HttpConnection connection = delivery.connection();
      if (!running) {
        close(connection);
        continue;
      }
      connection.state = HttpConnection.State.READING;
      connection.lastActivity = now;
      connection.queue(delivery.request(), delivery.answer());
      guard(connection, () -> process(connection));
    }
  }

  private void register(SocketChannel channel) {
    try {
      channel.configureBlocking(false);
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      HttpConnection connection = new HttpConnection(channel, key,
          new RequestParser(limits, server.budget()), this, System.nanoTime());
      key.attach(connection);
      connections.add(connection);
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already gone.
      }
      server.connectionClosed();
    }
  }

  private void ready(SelectionKey key) {
    HttpConnection connection = (HttpConnection) key.attachment();
    if (!key.isValid()) {
      return;
    }
    now = System.nanoTime();
    guard(connection, () -> {
      if (key.isWritable()) {
        if (flush(connection) && connection.state == HttpConnection.State.READING) {
          process(connection);
        }
      } else if (key.isReadable()) {
        read(connection);
      }
    });
  }

  private interface ConnectionWork {
    void run() throws IOException;
  }

  /** A failing connection is closed; the loop and every other connection go on (an OOM ends the process). */
  private void guard(HttpConnection connection, ConnectionWork work) {
    try {
      work.run();
    } catch (IOException e) {
      close(connection);
    } catch (OutOfMemoryError e) {
      throw FatalErrors.exit(e, server.errors());
    } catch (RuntimeException | Error e) {
      server.logUnexpected("a connection failed", e);
      close(connection);
    }
  }

  private void read(HttpConnection connection) throws IOException {
    if (connection.state == HttpConnection.State.DRAINING) {
      discard.clear();
      int n = connection.channel.read(discard);
      connection.drained += Math.max(n, 0);
      if (n < 0 || connection.drained > MAX_DISCARD) {
        close(connection);
      }
      return;
    }
    if (!connection.inHasRoom(limits.maxHead() + 1024)) {
      refuse(connection, new HttpError(431, "Request header fields too large"));
      return;
    }
    int n = connection.channel.read(connection.in);
    if (n < 0) {
      close(connection);
      return;
    }
    if (n > 0) {
      connection.lastActivity = now;
      if (connection.requestStarted == 0) {
        connection.requestStarted = now;
      }
      process(connection);
    }
  }

  /** Answers every complete request in the buffer, in order, until one needs a worker or the output backs up. */
  private void process(HttpConnection connection) throws IOException {
    ByteBuffer in = connection.in.flip();
    try {
      while (connection.out.position() < OUT_HIGH_WATER && !connection.closeAfterWrite) {
        WireRequest request;
        try {
          request = connection.parser.next(in);
        } catch (HttpError e) {
          in.position(in.limit());   // what follows a refused request is not read as requests
          refuse(connection, e);
          return;
        }
        if (connection.parser.takeContinue()) {
          connection.outWithRoom(ResponseHead.CONTINUE.length).put(ResponseHead.CONTINUE);
        }
        if (request == null) {
          break;
        }
        long reserved = connection.parser.takeReserved();
        connection.requestStarted = in.hasRemaining() ? now : 0;
        Response answer = server.answerAtOnce(request);
        if (answer == null) {
          in.compact();
          in = null;
          handOver(connection, request, reserved);
          return;
        }
        server.budget().release(reserved);
        if (server.waitForDurability(connection, request, answer)) {
          in.compact();
          in = null;
          connection.state = HttpConnection.State.HANDLING;
          connection.key.interestOps(0);
          return;
        }
        connection.queue(request, answer);
      }
    } finally {
      if (in != null) {
        in.compact();
      }
    }
    flush(connection);
  }

  private void handOver(HttpConnection connection, WireRequest request, long reserved) {
    connection.state = HttpConnection.State.HANDLING;
    connection.key.interestOps(0);
    try {
      server.dispatch(connection, request, reserved);
    } catch (RejectedExecutionException stopping) {
      server.budget().release(reserved);
      close(connection);
    }
  }

  /** An error the HTTP layer answers itself, in Confluent's shape; the connection closes after it. */
  private void refuse(HttpConnection connection, HttpError error) throws IOException {
    server.budget().release(connection.parser.takeReserved());
    connection.queueError(error.status(), error.getMessage());
    // The client may still be sending what was refused: read and drop it, or closing would reset the
    // connection and could destroy the answer before the client read it.
    connection.drainAfterWrite = true;
    flush(connection);
  }

  /** Writes what the socket takes; true when nothing is left pending and the connection reads again. */
  private boolean flush(HttpConnection connection) throws IOException {
    ByteBuffer out = connection.out;
    if (out.position() > 0) {
      out.flip();
      connection.channel.write(out);
      out.compact();
      if (out.position() > 0) {
        connection.deadline = now + limits.requestTimeout().toNanos();
        connection.key.interestOps(SelectionKey.OP_WRITE);
        return false;
      }
      connection.shrinkOut();
    }
    connection.deadline = 0;
    if (connection.closeAfterWrite) {
      if (connection.drainAfterWrite) {
        connection.channel.shutdownOutput();
        connection.state = HttpConnection.State.DRAINING;
        connection.deadline = now + limits.requestTimeout().toNanos();
        connection.key.interestOps(SelectionKey.OP_READ);
      } else {
        close(connection);
      }
      return false;
    }
    connection.key.interestOps(SelectionKey.OP_READ);
    return true;
  }

  /** Closes connections out of time and counts the requests in progress. */
  private void tick() {
    int inProgress = 0;
    List<HttpConnection> expired = new ArrayList<>();
    for (HttpConnection connection : connections) {
      if (connection.state == HttpConnection.State.HANDLING) {
        inProgress++;
      } else if (connection.deadline != 0) {
        if (now - connection.deadline > 0) {
          expired.add(connection);
        }
      } else if (connection.requestStarted != 0) {
        inProgress++;
        if (now - connection.requestStarted > limits.requestTimeout().toNanos()) {
          expired.add(connection);
        }
      } else if (now - connection.lastActivity > limits.idleTimeout().toNanos()) {
        expired.add(connection);
      }
    }
    for (HttpConnection connection : expired) {
      if (connection.deadline == 0 && connection.requestStarted != 0) {
        inProgress--;
        timeOut(connection);
      } else {
        close(connection);
      }
    }
    requestsInProgress = inProgress;
  }

  /** A request not complete within the timeout: say so if the socket takes it at once, then close. */
  private void timeOut(HttpConnection connection) {
    connection.queueError(408, "Request timeout: the request was not complete within "
        + limits.requestTimeout().toSeconds() + " s");
    try {
      connection.channel.write(connection.out.flip());
    } catch (IOException e) {
      // Closed below either way.
    }
    close(connection);
  }

  private void close(HttpConnection connection) {
    if (connection.closed) {
      return;
    }
    connection.closed = true;
    connections.remove(connection);
    connection.key.cancel();
    try {
      connection.channel.close();
    } catch (IOException e) {
      // Closed anyway.
    }
    server.budget().release(connection.parser.takeReserved());
    server.connectionClosed();
  }
}
