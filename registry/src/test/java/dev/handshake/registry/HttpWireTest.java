package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's HTTP/1.1 server byte for byte, over raw sockets: what a client library would hide (pipelining,
 * chunked bodies, 100-continue, HTTP/1.0) and every refusal of the HTTP layer, each answered in Confluent's JSON
 * error shape.
 */
class HttpWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\","
      + "\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}";

  @TempDir
  Path dataDir;
  private RegistryServer server;

  @BeforeEach
  void start() throws IOException {
    server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void aBadPercentEscapeInThePathIsAJson400NotAnHtmlPage() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      Answer answer = wire.send("GET /subjects/%ZZ/versions HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(answer.status).isEqualTo(400);
      assertThat(answer.headers.get("content-type")).isEqualTo(ApiHandler.CONTENT_TYPE);
      assertThat(answer.json().path("error_code").asInt()).isEqualTo(400);
      assertThat(answer.json().path("message").asText()).contains("%ZZ");
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      wire.send(post("/subjects/a/versions", SCHEMA) + "GET /schemas/ids/1 HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /schemas/ids/1 HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(wire.read().json().path("id").asInt()).isEqualTo(1);
      assertThat(wire.read().json().path("schema").asText()).contains("\"name\":\"R\"");
      assertThat(wire.read().body).isEqualTo("[\"a\"]");
      Answer cached = wire.read();
      assertThat(cached.status).isEqualTo(200);
      assertThat(cached.json().path("schema").asText()).contains("\"name\":\"R\"");
    }
  }

  @Test
  void aChunkedBodyIsReadWholeAndAStreamedListingIsSentChunked() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      int half = SCHEMA.length() / 2;
      String first = SCHEMA.substring(0, half);
      String second = SCHEMA.substring(half);
      wire.send("POST /subjects/c/versions HTTP/1.1\r\nHost: x\r\nContent-Type: " + ApiHandler.CONTENT_TYPE
          + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(first.length()) + "\r\n" + first
          + "\r\n" + Integer.toHexString(second.length()) + ";ext=1\r\n" + second + "\r\n0\r\n\r\n");
      assertThat(wire.read().json().path("id").asInt()).isEqualTo(1);
      Answer listing = wire.send("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(listing.headers.get("transfer-encoding")).isEqualTo("chunked");
      assertThat(listing.body).isEqualTo("[\"c\"]");
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedFromItsContentLengthBeforeAnyOfItIsSent() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      Answer answer = wire.send("POST /subjects/big/versions HTTP/1.1\r\nHost: x\r\nContent-Length: "
          + (ApiHandler.MAX_BODY + 1) + "\r\n\r\n").read();
      assertThat(answer.status).isEqualTo(413);
      assertThat(answer.json().path("error_code").asInt()).isEqualTo(413);
      assertThat(answer.headers.get("connection")).isEqualTo("close");
    }
  }

  @Test
  void aChunkedBodyGrowingPastTheLimitIsRefused() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      String chunk = "x".repeat(64 * 1024);
      StringBuilder request = new StringBuilder("POST /subjects/big/versions HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      for (int i = 0; i < 17; i++) {
        request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
      }
      assertThat(wire.send(request + "0\r\n\r\n").read().status).isEqualTo(413);
    }
  }

  @Test
  void oversizedHeadsAndMalformedFramingAreJsonErrors() throws IOException {
    Map<String, Integer> cases = new LinkedHashMap<>();
    cases.put("GET /subjects HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20 * 1024) + "\r\n\r\n", 431);
    cases.put("GET /" + "s".repeat(20 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n", 431);
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400);
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
    cases.put("GET /subjects HTTP/1.1\r\nHost : x\r\n\r\n", 400);
    cases.put("GET /subjects HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400);
    cases.put("GET /subjects\r\n\r\n", 400);
    cases.put("GET /subjects HTTP/2.0\r\n\r\n", 505);
    cases.put("GET /subjects/caf\u00e9 HTTP/1.1\r\n\r\n", 400);
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nExpect: tea\r\nContent-Length: 2\r\n\r\n{}", 417);
    for (Map.Entry<String, Integer> kase : cases.entrySet()) {
      try (Wire wire = new Wire(server.port())) {
        Answer answer = wire.send(kase.getKey()).read();
        assertThat(answer.status).as(kase.getKey().lines().findFirst().orElse("")).isEqualTo(kase.getValue());
        assertThat(answer.headers.get("content-type")).isEqualTo(ApiHandler.CONTENT_TYPE);
        assertThat(answer.json().path("error_code").asInt()).isEqualTo(kase.getValue());
        assertThat(wire.atEnd()).as("the connection is closed after a framing error").isTrue();
      }
    }
  }

  @Test
  void expectContinueGetsAnInterimAnswerBeforeTheBodyIsSent() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      wire.send("POST /subjects/e/versions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
          + SCHEMA.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n");
      assertThat(wire.read().status).isEqualTo(100);
      assertThat(wire.send(SCHEMA).read().json().path("id").asInt()).isEqualTo(1);
    }
  }

  @Test
  void anHttp10ClientGetsItsAnswerAndTheConnectionClosedUnlessItAskedToKeepIt() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      Answer answer = wire.send("GET /subjects HTTP/1.0\r\n\r\n").read();
      assertThat(answer.status).isEqualTo(200);
      assertThat(answer.body).isEqualTo("[]");
      assertThat(wire.atEnd()).isTrue();
    }
    try (Wire wire = new Wire(server.port())) {
      assertThat(wire.send("GET /schemas/types HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().body)
          .isEqualTo("[\"AVRO\"]");
      assertThat(wire.send("GET /schemas/types HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status)
          .isEqualTo(200);
    }
  }

  @Test
  void bodiesHeldAtOnceAreBoundedServerWideAndTheBudgetComesBackOnceAnswered(@TempDir Path otherDir)
      throws Exception {
    try (RegistryServer small = startWith(otherDir, 1500, 64, java.time.Duration.ofSeconds(30));
         Wire stalled = new Wire(small.port());
         Wire second = new Wire(small.port())) {
      // 1,000 bytes promised and reserved, 10 sent: the next 1,000-byte body does not fit in 1,500.
      stalled.send("POST /subjects/a/versions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"schema\"");
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (small.activeRequests() < 1) {
        assertThat(System.nanoTime()).as("the stalled upload is being received").isLessThan(deadline);
        Thread.sleep(10);
      }
      Answer refused = second.send(post("/subjects/b/versions", " ".repeat(1000 - SCHEMA.length()) + SCHEMA))
          .read();
      assertThat(refused.status).isEqualTo(503);
      assertThat(refused.json().path("error_code").asInt()).isEqualTo(503);

      stalled.send(":" + " ".repeat(1000 - 9 - 1 - (SCHEMA.length() - 10)) + SCHEMA.substring(10));
      assertThat(stalled.read().json().path("id").asInt()).as("the stalled upload, completed, is answered")
          .isEqualTo(1);
      try (Wire third = new Wire(small.port())) {
        assertThat(third.send(post("/subjects/b/versions", " ".repeat(1000 - SCHEMA.length()) + SCHEMA)).read()
            .status).as("its reservation was given back").isEqualTo(200);
      }
    }
  }

  @Test
  void aKeptAliveConnectionWithoutARequestIsClosedAfterTheIdleTimeout(@TempDir Path otherDir) throws Exception {
    try (RegistryServer small = startWith(otherDir, 16 * 1024, 64, java.time.Duration.ofSeconds(1));
         Wire idle = new Wire(small.port())) {
      long asked = System.nanoTime();   // before the request, so before the server's last activity on it
      assertThat(idle.send("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n").read().status).isEqualTo(200);
      // The read blocks until the server closes the connection (the Wire's own 60 s read timeout fails it).
      assertThat(idle.atEnd()).as("the server closed the idle connection").isTrue();
      assertThat(System.nanoTime() - asked).as("not before the idle timeout")
          .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(1).toNanos());
    }
  }

  @Test
  void connectionsOverTheCapWaitInTheBacklogUntilOneCloses(@TempDir Path otherDir) throws Exception {
    try (RegistryServer small = startWith(otherDir, 16 * 1024, 2, java.time.Duration.ofSeconds(120));
         Wire first = new Wire(small.port());
         Wire second = new Wire(small.port())) {
      assertThat(first.send("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n").read().status).isEqualTo(200);
      assertThat(second.send("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n").read().status).isEqualTo(200);
      try (Wire third = new Wire(small.port())) {
        third.send("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(third.available()).as("the third connection is not served while two are open").isZero();
        first.close();
        assertThat(third.read().status).as("served once a slot is free").isEqualTo(200);
      }
    }
  }

  /** A registry with small limits: 1,000-byte bodies, a 30 s request timeout, the rest as given. */
  private static RegistryServer startWith(Path dataDir, long bodyBudget, int maxConnections,
                                          java.time.Duration idleTimeout) throws IOException {
    return RegistryServer.start(RegistryServer.Options.of(dataDir, 0), System.err, ApiHandler.NONE,
        new HttpLimits(16 * 1024, 1024, bodyBudget, maxConnections, java.time.Duration.ofSeconds(30), idleTimeout));
  }

  private static String post(String path, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + ApiHandler.CONTENT_TYPE
        + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  private record Answer(int status, Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /** One raw connection: writes bytes as given, reads answers by their own framing. */
  private static final class Wire implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    Wire(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(60_000);
      in = socket.getInputStream();
    }

    Wire send(String text) throws IOException {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return this;
    }

    Answer read() throws IOException {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if ("chunked".equals(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line(), 16); size > 0; size = Integer.parseInt(line(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      } else if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      } else if (status >= 200) {
        body.write(in.readAllBytes());   // no length and no chunks: the body ends with the connection
      }
      return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** Bytes of an answer that arrive within half a second (0 if none does). */
    int available() throws IOException {
      socket.setSoTimeout(500);
      try {
        int first = in.read();
        return first < 0 ? 0 : 1 + in.available();
      } catch (java.net.SocketTimeoutException none) {
        return 0;
      } finally {
        socket.setSoTimeout(60_000);
      }
    }

    boolean atEnd() throws IOException {
      try {
        return in.read() < 0;
      } catch (java.net.SocketException reset) {
        return true;
      }
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("the connection ended in the middle of an answer");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
