package dev.handshake.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded schema registry: Confluent's REST API on the JDK's own HTTP server over a durable local store.
 * {@code java -cp ... dev.handshake.registry.RegistryServer --data-dir DIR [--host H] [--port P]} prints
 * {@code listening on http://H:P} once it accepts requests.
 */
public final class RegistryServer implements Closeable {
  public static final String USER_INFO_ENV = "HANDSHAKE_REGISTRY_SERVER_USER_INFO";
  /** Seconds a client has to send its whole request, and the server to send its answer. */
  static final long REQUEST_TIMEOUT_SECONDS = 30;
  /**
   * Ceiling of request threads. Threads beyond {@code --threads} are started only while all others are busy
   * (typically blocked reading a slow client's body) and end after a minute idle, so a few stalled uploads cannot
   * take every thread while the request timeout runs.
   */
  static final int MAX_THREADS = 128;

  private final HttpServer http;
  private final ThreadPoolExecutor executor;
  private final RegistryStore store;
  private final String url;

  private RegistryServer(HttpServer http, ThreadPoolExecutor executor, RegistryStore store) {
    this.http = http;
    this.executor = executor;
    this.store = store;
    InetSocketAddress address = http.getAddress();
    String host = address.getHostString();
    this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** Options of one server. {@code userInfo} ({@code user:password}) turns on basic auth. */
  public record Options(Path dataDir, String host, int port, String userInfo, int threads) {
    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      host = host == null ? "127.0.0.1" : host;
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      threads = threads <= 0 ? Math.max(4, 2 * Runtime.getRuntime().availableProcessors()) : threads;
    }

    public static Options of(Path dataDir, int port) {
      return new Options(dataDir, "127.0.0.1", port, null, 0);
    }

    @Override
    public String toString() {
      return "Options[dataDir=" + dataDir + ", host=" + host + ", port=" + port + ", basicAuth="
          + (userInfo != null) + ", threads=" + threads + "]";
    }
  }

  /**
   * The JDK server leaves Nagle's algorithm on unless this property is set before its first use; with the
   * client's delayed ACKs every small response then waits about 40 ms, which capped lookups near 90/s.
   */
  private static void enableTcpNoDelay() {
    setDefault("sun.net.httpserver.nodelay", "true");
  }

  /**
   * A client that sends headers and then stalls (half a body, or nothing) would otherwise hold its connection
   * and a request thread forever. The JDK server closes a connection whose request (headers and body) has not
   * been read within {@code maxReqTime} seconds, or whose response has not been sent within {@code maxRspTime};
   * closing the channel also wakes the handler thread blocked reading that body. Like TCP_NODELAY these are read
   * once, when the JDK server is first used, so they are JVM-wide defaults a launcher may override.
   */
  private static void enableTimeouts() {
    setDefault("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_TIMEOUT_SECONDS));
    setDefault("sun.net.httpserver.maxRspTime", Long.toString(REQUEST_TIMEOUT_SECONDS));
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  public static RegistryServer start(Options options) throws IOException {
    return start(options, System.err);
  }

  /** Opens the store (replaying its log), binds and starts serving; {@code warnings} hears about torn tails. */
  public static RegistryServer start(Options options, PrintStream warnings) throws IOException {
    return start(options, warnings, ApiHandler.NONE);
  }

  /** As {@link #start(Options, PrintStream)}, with a hook that runs before each request (tests inject faults). */
  static RegistryServer start(Options options, PrintStream warnings, ApiHandler.RequestHook hook)
      throws IOException {
    enableTcpNoDelay();
    enableTimeouts();
    checkDataDir(options.dataDir());
    // Bound before the store is opened: a start that fails on the port (in use, not permitted) then leaves no
    // data directory or empty registry.log behind. Connections that arrive while the log replays wait in the
    // backlog until start() below.
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
    } catch (BindException e) {
      BindException named = new BindException(options.host() + ":" + options.port() + " cannot be bound ("
          + e.getMessage() + "); stop whatever listens there or pick another --port (0 picks a free one)");
      named.initCause(e);
      throw named;
    }
    RegistryStore store;
    try {
      store = RegistryStore.open(options.dataDir(), warnings);
    } catch (IOException | RuntimeException e) {
      http.stop(0);
      throw e;
    }
    try {
      String authorization = options.userInfo() == null ? null : "Basic " + Base64.getEncoder()
          .encodeToString(options.userInfo().getBytes(StandardCharsets.UTF_8));
      // A hand-off queue: a request that finds every thread busy gets a new one (up to MAX_THREADS) instead of
      // waiting behind requests that may be stalled uploads; past the ceiling the accepting thread runs it
      // itself, which slows intake rather than dropping connections.
      ThreadPoolExecutor executor = new ThreadPoolExecutor(options.threads(), Math.max(options.threads(),
          MAX_THREADS), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads(),
          new ThreadPoolExecutor.CallerRunsPolicy());
      http.setExecutor(executor);
      http.createContext("/", new ApiHandler(store, authorization, warnings, hook));
      http.start();
      return new RegistryServer(http, executor, store);
    } catch (RuntimeException e) {
      http.stop(0);
      store.close();
      throw e;
    }
  }

  /**
   * Refuses a data directory that cannot be one, before anything is bound or created.
   *
   * @throws NotADirectoryException naming the path and what to pass instead
   */
  static void checkDataDir(Path dataDir) throws NotADirectoryException {
    Path existing = dataDir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      String what = existing.equals(dataDir.toAbsolutePath()) ? "--data-dir " + dataDir + " is a file"
          : "--data-dir " + dataDir + " lies under " + existing + ", which is a file";
      throw new NotADirectoryException(what + ", not a directory: the registry keeps its store (registry.log) in "
          + "a directory. Pass a directory, or a path that does not exist yet (it is created)");
    }
  }

  /** The data directory is a file: bad input, not an I/O failure (the CLI exits 2, not 3). */
  public static final class NotADirectoryException extends IOException {
    private static final long serialVersionUID = 1L;

    NotADirectoryException(String message) {
      super(message);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "registry-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** {@code http://host:port}, with the port actually bound (useful with port 0). */
  public String url() {
    return url;
  }

  RegistryStore store() {
    return store;
  }

  /** Requests being handled right now (threads busy, including ones blocked on a slow client). */
  int activeRequests() {
    return executor.getActiveCount();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() throws IOException {
    http.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  /**
   * For launchers that run the server in their own main (the CLI's {@code registry serve}): an
   * {@link OutOfMemoryError} in any thread, the JDK server's dispatcher included, ends the process at once.
   */
  public static void exitOnOutOfMemory() {
    FatalErrors.installDefaultHandler(System.err);
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("registry: " + e.getMessage());
      System.err.println("usage: RegistryServer --data-dir DIR [--host 127.0.0.1] [--port 8081] [--threads N]"
          + " (basic auth: env " + USER_INFO_ENV + "=user:password)");
      System.exit(2);
      return;
    }
    exitOnOutOfMemory();
    try {
      RegistryServer server = start(options);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException e) {
          System.err.println("registry: error while stopping: " + e.getMessage());
        }
      }, "registry-shutdown"));
      System.out.println("listening on " + server.url());
      System.out.flush();
    } catch (NotADirectoryException e) {
      System.err.println("registry: " + e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      System.err.println("registry: cannot start: " + e.getMessage());
      System.exit(3);
    }
  }

  private static Options parse(String[] args) {
    Path dataDir = null;
    String host = "127.0.0.1";
    int port = 8081;
    int threads = 0;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + name);
      }
      String value = args[++i];
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--host" -> host = value;
        case "--port" -> port = integer(name, value);
        case "--threads" -> threads = integer(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("--data-dir is required");
    }
    String userInfo = System.getenv(USER_INFO_ENV);
    return new Options(dataDir, host, port, userInfo == null || userInfo.isBlank() ? null : userInfo, threads);
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got \"" + value + "\"");
    }
  }
}
