package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.HttpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send headers and half a body, then nothing: they must not hold the registry for everyone else,
 * and the server must close them once the request timeout passes (30 s in production; 5 s here, long enough that
 * a slow machine still finds them in progress while it serves another client).
 */
class RegistrySlowClientTest {
  private static final int STALLED = 6;
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir
  Path dataDir;

  @Test
  void stalledUploadsLeaveOtherClientsServedAndAreClosedByTheRequestTimeout() throws Exception {
    // Fewer worker threads than stalled uploads: with the JDK server and a fixed pool of 4 this froze every other
    // client (issue 7, item 6). Bodies are now read by the connection loops, so a stalled one holds no worker.
    RegistryServer.Options options = new RegistryServer.Options(dataDir, "127.0.0.1", 0, null, 4);
    List<Socket> stalled = new ArrayList<>();
    try (RegistryServer server = RegistryServer.start(options, System.err, ApiHandler.NONE,
        HttpLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(5)))) {
      for (int i = 0; i < STALLED; i++) {
        stalled.add(halfAnUpload(server.port()));
      }
      awaitTrue("all stalled uploads are being handled", () -> server.activeRequests() >= STALLED);

      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> subjects = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects"))
          .timeout(DEADLINE).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(subjects.statusCode()).isEqualTo(200);
      assertThat(subjects.body()).isEqualTo("[]");
      assertThat(server.activeRequests()).as("the stalled uploads are still in progress")
          .isGreaterThanOrEqualTo(STALLED);
      // The worker that answered GET /subjects may still be handing its connection back; once it has, no worker
      // may stay busy, since none is needed by a request whose body has not arrived.
      awaitTrue("no worker thread is held by a half-received request", () -> server.busyWorkers() == 0);

      for (Socket socket : stalled) {
        assertThat(readsToTheEnd(socket)).as("the server closed the stalled connection").isTrue();
      }
      awaitTrue("no request is in progress any more", () -> server.activeRequests() == 0);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  /** Headers promising 1,000 bytes of body, then 500 of them, then silence. */
  private static Socket halfAnUpload(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) DEADLINE.toMillis());
    OutputStream out = socket.getOutputStream();
    out.write(("POST /subjects/slow/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: 1000\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.write(("{\"schema\": \"" + "x".repeat(488)).getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** True once the server ends the connection (EOF or reset); a read timeout fails the test instead. */
  private static boolean readsToTheEnd(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      while (in.read(buffer) >= 0) {
        // The server may answer before closing; only the close matters here.
      }
      return true;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(end);
      Thread.sleep(10);
    }
  }
}
