package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.HttpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's careless and hostile clients at the connection level: silent connections, unauthenticated uploads,
 * and a process out of file descriptors. Each must leave a normal client served.
 */
class RegistryHostileClientTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SCHEMA = "{\"schema\": \"\\\"string\\\"\"}";

  @TempDir
  Path dataDir;

  @Test
  void silentConnectionsLockNobodyOutAndAreClosedAfterTheFirstRequestTimeout() throws Exception {
    HttpLimits limits = new HttpLimits(16 * 1024, 1024 * 1024, 16L << 20, Duration.ofSeconds(2),
        Duration.ofSeconds(30));
    List<Socket> silent = new ArrayList<>();
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0), System.err,
        ApiHandler.NONE, limits)) {
      for (int i = 0; i < 1030; i++) {
        silent.add(new Socket("127.0.0.1", server.port()));
      }
      try (Socket normal = new Socket("127.0.0.1", server.port())) {
        normal.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        normal.getOutputStream().write("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        String answer = new String(normal.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
        assertThat(answer).as("a normal request beside 1,030 silent connections").isEqualTo("HTTP/1.1 200");
      }
      awaitTrue("the silent connections are closed by the server", () -> server.openConnections() == 0);
      for (Socket socket : silent) {
        socket.setSoTimeout((int) DEADLINE.toMillis());
        assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
      }
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
  }

  @Test
  void connectionsDrippingTheirRequestsLockNobodyOut() throws Exception {
    byte[] slowHead = "GET /subjects HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.UTF_8);
    List<Socket> drippers = new ArrayList<>();
    java.util.concurrent.ScheduledExecutorService drip = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      for (int i = 0; i < 1030; i++) {
        drippers.add(new Socket("127.0.0.1", server.port()));
      }
      AtomicInteger sent = new AtomicInteger();
      drip.scheduleAtFixedRate(() -> {
        int at = sent.getAndIncrement();
        byte next = at < slowHead.length ? slowHead[at] : (byte) 'a';
        for (Socket socket : drippers) {
          try {
            socket.getOutputStream().write(next);
          } catch (IOException closed) {
            // The server may close a dripping connection; that is its right.
          }
        }
      }, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("request " + i + " beside 1,030 dripping connections").isEqualTo(200);
      }
      assertThat(sent.get()).as("the connections were dripping meanwhile").isPositive();
    } finally {
      drip.shutdownNow();
      for (Socket socket : drippers) {
        socket.close();
      }
    }
  }

  @Test
  void unauthenticatedUploadsGet401BeforeTheirBodyAndNo100ContinueWhileAuthenticatedWritesGoOn()
      throws Exception {
    RegistryServer.Options options = new RegistryServer.Options(dataDir, "127.0.0.1", 0, "u:p", 0);
    List<Socket> uploads = new ArrayList<>();
    try (RegistryServer server = RegistryServer.start(options)) {
      for (int i = 0; i < 16; i++) {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout((int) DEADLINE.toMillis());
        socket.getOutputStream().write(("POST /subjects/x/versions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + (1024 * 1024) + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        uploads.add(socket);
      }
      for (Socket socket : uploads) {
        assertThat(statusLine(socket.getInputStream())).as("refused at once, no 100 Continue first")
            .startsWith("HTTP/1.1 401");
      }
      HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.url() + "/subjects/ok/versions"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", ApiHandler.CONTENT_TYPE).timeout(DEADLINE)
          .POST(HttpRequest.BodyPublishers.ofString(SCHEMA)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).isEqualTo(200);
      assertThat(registered.body()).isEqualTo("{\"id\":1}");
    } finally {
      for (Socket socket : uploads) {
        socket.close();
      }
    }
  }

  @Test
  void runningOutOfFileDescriptorsOnceDoesNotStopAccepting() throws Exception {
    List<Socket> flood = new ArrayList<>();
    try (ChildRegistry child = ChildRegistry.serverWithFileLimit(dataDir, 200, "-Xmx64m")) {
      URI uri = URI.create(child.url());
      try {
        for (int i = 0; i < 400; i++) {
          flood.add(new Socket(uri.getHost(), uri.getPort()));
        }
        awaitTrue("the registry holds all the descriptors it may open", () -> openFiles(child) >= 195);
      } finally {
        for (Socket socket : flood) {
          socket.close();
        }
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest get = HttpRequest.newBuilder(uri.resolve("/subjects")).timeout(Duration.ofSeconds(5)).build();
      long end = System.nanoTime() + DEADLINE.toNanos();
      int status = 0;
      while (status != 200) {
        assertThat(System.nanoTime()).as("served again once descriptors are free").isLessThan(end);
        try {
          status = http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException notYet) {
          Thread.sleep(50);
        }
      }
    }
  }

  private static long openFiles(ChildRegistry child) {
    try {
      return child.openFiles();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().trim();
  }

  private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(end);
      Thread.sleep(20);
    }
  }
}
