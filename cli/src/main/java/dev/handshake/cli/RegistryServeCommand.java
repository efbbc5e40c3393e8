package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.registry.RegistryServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Runs the embedded schema registry until it is stopped with Ctrl-C or SIGTERM.",
        "It prints 'listening on http://HOST:PORT' once it accepts requests. Every acknowledged registration "
            + "is on disk under --data-dir. For basic auth, set " + RegistryServer.USER_INFO_ENV
            + "=user:password."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"2:bad input", "3:cannot start (port in use, data directory locked)",
        "4:an internal error, a bug in Handshake (printed with where to report it)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  handshake registry serve --data-dir ~/.handshake/registry",
        "  handshake registry serve --data-dir /var/lib/handshake --host 0.0.0.0 \\",
        "      --port 8081"})
final class RegistryServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
  String host;

  @Option(names = "--port", defaultValue = "8081", paramLabel = "PORT",
      description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Where the store lives.")
  Path dataDir;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
      description = "Threads running requests (default 32); a request waiting for its body or for its flush "
          + "holds none.")
  int threads;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("--port must be 0..65535, got " + port);
    }
    RegistryServer.exitOnOutOfMemory();
    String userInfo = System.getenv(RegistryServer.USER_INFO_ENV);
    RegistryServer server;
    try {
      server = RegistryServer.start(new RegistryServer.Options(dataDir, host, port,
          userInfo == null || userInfo.isBlank() ? null : userInfo, threads));
    } catch (RegistryServer.NotADirectoryException e) {
      throw new InvalidInputException(e.getMessage());
    } catch (IOException e) {
      throw new dev.handshake.core.HandshakeException("cannot start the registry on " + host + ":" + port
          + " with --data-dir " + dataDir + ": " + e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException e) {
        System.err.println("handshake: error while stopping the registry: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "registry-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("listening on " + server.url());
    out.flush();
    stopped.await();
    return HandshakeCli.EXIT_OK;
  }
}
