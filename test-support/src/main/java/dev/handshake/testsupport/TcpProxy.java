package dev.handshake.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder that a test can cut: every open connection is dropped and new ones are refused, as when
 * the network to a server fails; {@link #restore} accepts again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  public TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = first.getLocalPort();
    accept(first);
  }

  public int port() {
    return port;
  }

  /** Drops every connection and refuses new ones. */
  public synchronized void cut() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() throws IOException {
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    accept(again);
  }

  private void accept(ServerSocket listening) {
    server = listening;
    Thread acceptor = new Thread(() -> {
      while (!listening.isClosed()) {
        try {
          Socket client = listening.accept();
          adopt(listening, client);
        } catch (IOException e) {
          // closed by cut() or close(): stop accepting
        }
      }
    }, "tcp-proxy-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Connects an accepted client to the target, unless a cut came between the accept and now: without the lock,
   * a connection accepted just before {@link #cut} escaped it and kept the "unreachable" server reachable.
   */
  private synchronized void adopt(ServerSocket listening, Socket client) throws IOException {
    if (listening.isClosed()) {
      closeQuietly(client);
      return;
    }
    Socket target;
    try {
      target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
    } catch (IOException e) {
      closeQuietly(client);
      return;
    }
    open.add(client);
    open.add(target);
    pump(client, target);
    pump(target, client);
  }

  /** Copies {@code from} to {@code to} on a daemon thread; when either side ends, both are closed. */
  static void pump(Socket from, Socket to) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed: the other goes down with it below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pump");
    pump.setDaemon(true);
    pump.start();
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
