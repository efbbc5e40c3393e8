package dev.handshake.registry;

import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.FatalErrors;
import dev.handshake.registry.api.HttpLimits;
import dev.handshake.registry.api.RegistryStore;
import dev.handshake.registry.http.RegistryHttpServer;
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

/**
 * The embedded schema registry: Confluent's REST API on Jetty ({@link RegistryHttpServer})
 * over a durable local store.
 * {@code java -cp ... dev.handshake.registry.RegistryServer --data-dir DIR [--host H] [--port P]} prints
 * {@code listening on http://H:P} once it accepts requests.
 */
public final class RegistryServer implements Closeable {
  public static final String USER_INFO_ENV = "HANDSHAKE_REGISTRY_SERVER_USER_INFO";
  /** Request threads when {@code --threads} is not given (a request waiting for its body or flush holds none). */
  static final int DEFAULT_THREADS = 32;

  private final RegistryHttpServer http;
  private final RegistryStore store;
  private final String url;

  private RegistryServer(RegistryHttpServer http, RegistryStore store) {
    this.http = http;
    this.store = store;
    InetSocketAddress address = http.address();
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
      threads = threads <= 0 ? DEFAULT_THREADS : threads;
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
    return start(options, warnings, hook, HttpLimits.DEFAULT);
  }

  static RegistryServer start(Options options, PrintStream warnings, ApiHandler.RequestHook hook,
                              HttpLimits limits) throws IOException {
    checkDataDir(options.dataDir());
    // Bound before the store is opened: a start that fails on the port (in use, not permitted) then leaves no
    // data directory or empty registry.log behind. Connections that arrive while the log replays wait in the
    // backlog until start() below.
    RegistryHttpServer http;
    try {
      http = RegistryHttpServer.bind(new InetSocketAddress(options.host(), options.port()), limits, warnings,
          options.threads());
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
      http.close();
      throw e;
    }
    try {
      String authorization = options.userInfo() == null ? null : "Basic " + Base64.getEncoder()
          .encodeToString(options.userInfo().getBytes(StandardCharsets.UTF_8));
      http.start(new ApiHandler(store, authorization, warnings, hook));
      return new RegistryServer(http, store);
    } catch (IOException | RuntimeException e) {
      http.close();
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

  /**
   * Repairs a corrupted log in {@code dataDir} (the registry stopped): cuts it at its first bad frame, keeps the
   * cut bytes in a side file and moves the id counter past every id they may hold. See
   * {@link dev.handshake.registry.store.CorruptLogException}.
   *
   * @return a sentence for the operator saying what was done
   */
  public static String repair(Path dataDir) throws IOException {
    return RegistryStore.repair(dataDir);
  }

  /** {@code http://host:port}, with the port actually bound (useful with port 0). */
  public String url() {
    return url;
  }

  RegistryStore store() {
    return store;
  }

  /** Requests being read or handled right now (slow uploads included). */
  int activeRequests() {
    return http.requestsInProgress();
  }

  /** Worker threads running a request right now. */
  int busyWorkers() {
    return http.busyWorkers();
  }

  /** Open client connections. */
  int openConnections() {
    return http.openConnections();
  }

  public int port() {
    return http.address().getPort();
  }

  @Override
  public void close() throws IOException {
    http.close();
    store.close();
  }

  /**
   * For launchers that run the server in their own main (the CLI's {@code registry serve}): an
   * {@link OutOfMemoryError} in any thread ends the process at once.
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
