package dev.handshake.registry.http;

import dev.handshake.registry.api.HttpLimits;
import dev.handshake.registry.api.HttpService;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The registry's HTTP/1.1 server: Jetty's core (no servlets) with strict RFC 9110/9112 parsing, so a request two
 * parties could frame differently (bare CR or LF, a malformed chunk size, control bytes in a field, a missing or
 * doubled Host) is a 400 before any handler sees it. Jetty's selectors read and write; {@link RegistryHandler}
 * runs on its pool threads; answers that wait for a flush wait in {@link GroupCommit} with no thread held.
 * There is no connection cap a client could fill: a silent connection costs a socket and a few hundred bytes, and
 * is closed after {@link HttpLimits#firstRequestTimeout()} (before its first request) or
 * {@link HttpLimits#idleTimeout()} (afterwards).
 */
public final class RegistryHttpServer implements Closeable {
  /** Jetty's own threads beside the request threads: the acceptor, the selectors and a spare. */
  private static final int JETTY_THREADS = 6;

  private final Server server;
  private final ServerConnector connector;
  private final HttpLimits limits;
  private final PrintStream errors;
  private final BodyBudget budget;
  private GroupCommit groupCommit;
  private Thread groupCommitThread;
  private RegistryHandler handler;

  private RegistryHttpServer(Server server, ServerConnector connector, HttpLimits limits, PrintStream errors) {
    this.server = server;
    this.connector = connector;
    this.limits = limits;
    this.errors = errors;
    this.budget = new BodyBudget(limits.bodyBudget());
  }

  /** Binds the port; nothing is served until {@link #start}, connections wait in the backlog meanwhile. */
  public static RegistryHttpServer bind(InetSocketAddress address, HttpLimits limits, PrintStream errors, int threads)
      throws IOException {
    QueuedThreadPool pool = new QueuedThreadPool(threads + JETTY_THREADS, Math.min(8, threads + JETTY_THREADS));
    pool.setName("registry");
    Server server = new Server(pool);
    server.setStopAtShutdown(false);   // the launchers' shutdown hooks close the server, then the store
    HttpConfiguration http = new HttpConfiguration();
    http.setHttpCompliance(HttpCompliance.STRICT);
    // The API decodes the raw path itself, segment by segment, and refuses a bad escape naming it; a subject may
    // contain an encoded slash (%2F) or be empty (//, refused as 42208). Nothing maps paths to files here, so the
    // ambiguities Jetty guards against for resource serving do not apply.
    http.setUriCompliance(UriCompliance.DEFAULT.with("registry", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
        UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
        UriCompliance.Violation.BAD_PERCENT_ENCODING));
    http.setRequestHeaderSize(limits.maxHead());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setIdleTimeout(-1);   // RegistryHandler sets the connection's timeout itself
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setAcceptQueueSize(1024);
    connector.setReuseAddress(true);
    connector.setIdleTimeout(limits.firstRequestTimeout().toMillis());
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrorHandler());
    try {
      connector.open();
    } catch (IOException | RuntimeException e) {
      connector.close();
      // Jetty wraps the JDK's BindException; the launcher names the port for that one.
      if (e.getCause() instanceof java.net.BindException bind) {
        throw bind;
      }
      throw e;
    }
    return new RegistryHttpServer(server, connector, limits, errors);
  }

  public void start(HttpService service) throws IOException {
    groupCommit = new GroupCommit(service, this);
    groupCommitThread = new Thread(groupCommit, "registry-group-commit");
    groupCommitThread.setDaemon(true);
    groupCommitThread.start();
    handler = new RegistryHandler(service, limits, budget, groupCommit, this);
    server.setHandler(handler);
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the registry's HTTP server did not start: " + e.getMessage(), e);
    }
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  PrintStream errors() {
    return errors;
  }

  /** Requests being received or handled right now (slow uploads included). */
  public int requestsInProgress() {
    return handler == null ? 0 : handler.inProgress();
  }

  /** Threads running the API for a request right now (none for a request whose body has not arrived). */
  public int busyWorkers() {
    return handler == null ? 0 : handler.busyThreads();
  }

  /** Open connections (for tests: a connection that timed out is no longer counted). */
  public int openConnections() {
    return connector.getConnectedEndPoints().size();
  }

  void logUnexpected(String what, Throwable e) {
    synchronized (errors) {
      errors.println("registry: " + what + ": " + e);
      e.printStackTrace(errors);
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      errors.println("registry: stopping the HTTP server: " + e);
    } finally {
      connector.close();
      if (groupCommit != null) {
        groupCommit.stop();
        try {
          groupCommitThread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
