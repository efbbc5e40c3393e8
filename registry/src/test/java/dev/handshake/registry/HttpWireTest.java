package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.HttpLimits;
import dev.handshake.registry.http.RegistryHandler;
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
      // Jetty refuses a malformed escape while parsing the request line, before the target is kept, so the
      // message cannot name it; the shape and the status are Confluent's.
      assertThat(answer.json().path("message").asText()).contains("Bad Request");
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
    // Jetty answers a request line over the head limit with 414 (URI Too Long), the more precise status.
    cases.put("GET /" + "s".repeat(20 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400);
        // RFC 9112 6.3: a request whose final transfer coding is not chunked has no reliable length: 400 and close.
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400);
    cases.put("GET /subjects HTTP/1.1\r\nHost : x\r\n\r\n", 400);
    cases.put("GET /subjects HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400);
    cases.put("GET /subjects\r\n\r\n", 505);   // HTTP/0.9 (no version) is not served
    cases.put("GET /subjects HTTP/2.0\r\n\r\n", 426);   // Jetty: HTTP/2 is not spoken over this HTTP/1 port
    cases.put("GET /subjects/caf\u00e9 HTTP/1.1\r\n\r\n", 400);
    cases.put("POST /subjects/a/versions HTTP/1.1\r\nHost: x\r\nExpect: tea\r\nContent-Length: 2\r\n\r\n{}", 417);
    for (Map.Entry<String, Integer> kase : cases.entrySet()) {
      try (Wire wire = new Wire(server.port())) {
        Answer answer = wire.send(kase.getKey()).read();
        String what = kase.getKey().length() > 80 ? kase.getKey().substring(0, 80) : kase.getKey();
        assertThat(answer.status).as(what).isEqualTo(kase.getValue());
        assertThat(answer.headers.get("content-type")).isEqualTo(ApiHandler.CONTENT_TYPE);
        assertThat(answer.json().path("error_code").asInt()).isEqualTo(kase.getValue());
        assertThat(wire.atEnd()).as("the connection is closed after a framing error").isTrue();
      }
    }
  }

  /** Issue 19's cases: requests two parties could frame differently are refused, never guessed at. */
  @Test
  void ambiguousFramingFromTheAttackListIsRefusedWith400AndClosed() throws IOException {
    String post = "POST /subjects/a/versions HTTP/1.1\r\nHost: x\r\n";
    String chunked = post + "Transfer-Encoding: chunked\r\n\r\n";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("bare CR in a header value", "GET /subjects HTTP/1.1\r\nHost: x\r\nX-A: a\rContent-Length: 25\r\n\r\n");
    cases.put("bare LF ending a header", "GET /subjects HTTP/1.1\r\nHost: x\nX-A: a\r\n\r\n");
    cases.put("chunk size -1", chunked + "-1\r\n{}\r\n0\r\n\r\n");
    cases.put("chunk size +2", chunked + "+2\r\n{}\r\n0\r\n\r\n");
    cases.put("chunk size with leading space", chunked + " 2 \r\n{}\r\n0\r\n\r\n");
    cases.put("NUL in a header value", "GET /subjects HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n");
    cases.put("control byte in a header value", "GET /subjects HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n");
    cases.put("missing Host", "GET /subjects HTTP/1.1\r\n\r\n");
    cases.put("doubled Host", "GET /subjects HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n");
    for (Map.Entry<String, String> kase : cases.entrySet()) {
      try (Wire wire = new Wire(server.port())) {
        Answer answer = wire.send(kase.getValue()).read();
        assertThat(answer.status).as(kase.getKey()).isEqualTo(400);
        assertThat(answer.json().path("error_code").asInt()).as(kase.getKey()).isEqualTo(400);
        assertThat(wire.atEnd()).as(kase.getKey() + ": closed after the refusal").isTrue();
      }
    }
    try (Wire wire = new Wire(server.port())) {
      assertThat(wire.send("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n").read().body)
          .as("nothing was registered by any of them").isEqualTo("[]");
    }
  }

  @Test
  void headIsAnsweredWithTheHeadersOfGetAndNoBody() throws IOException {
    try (Wire wire = new Wire(server.port())) {
      assertThat(wire.send(post("/subjects/h/versions", SCHEMA)).read().status).isEqualTo(200);
      wire.send("HEAD /schemas/ids/1 HTTP/1.1\r\nHost: x\r\n\r\n");
      Answer head = wire.readHead();
      assertThat(head.status).isEqualTo(200);
      assertThat(Integer.parseInt(head.headers.get("content-length"))).isPositive();
      Answer next = wire.send("GET /schemas/types HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(next.body).as("the next answer follows the head at once: no body was sent")
          .isEqualTo("[\"AVRO\"]");
    }
  }

  @Test
  void pipelinedLookupsOfALargeAnswerAreAllAnswered() throws IOException {
    String wide = "{\"type\":\"record\",\"name\":\"W\",\"doc\":\"" + "d".repeat(900 * 1024) + "\",\"fields\":[]}";
    String body = "{\"schema\": " + JSON.writeValueAsString(wide) + "}";
    try (Wire wire = new Wire(server.port())) {
      assertThat(wire.send(post("/subjects/wide/versions", body)).read().status).isEqualTo(200);
      String lookup = "GET /schemas/ids/1 HTTP/1.1\r\nHost: x\r\n\r\n";
      wire.send(lookup + lookup + lookup);
      for (int i = 0; i < 3; i++) {
        Answer answer = wire.read();
        assertThat(answer.status).as("answer " + (i + 1)).isEqualTo(200);
        assertThat(answer.body.length()).isGreaterThan(900 * 1024);
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
  void bodiesHeldAtOnceAreBoundedServerWideCountedAsReadAndTheBudgetComesBackOnceAnswered(@TempDir Path otherDir)
      throws Exception {
    try (RegistryServer small = startWith(otherDir, 1500, java.time.Duration.ofSeconds(30));
         Wire promisedOnly = new Wire(small.port());
         Wire stalled = new Wire(small.port());
         Wire second = new Wire(small.port())) {
      // A body promised and not sent holds nothing: the budget counts bytes read, not bytes declared.
      promisedOnly.send("POST /subjects/p/versions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
      // 990 of 1,000 bytes sent and held: the next 1,000-byte body does not fit in 1,500.
      String padded = " ".repeat(1000 - SCHEMA.length()) + SCHEMA;
      stalled.send("POST /subjects/a/versions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"
          + padded.substring(0, 990));
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (small.activeRequests() < 1) {
        assertThat(System.nanoTime()).as("the stalled uploads are being received").isLessThan(deadline);
        Thread.sleep(10);
      }
      Answer refused = readRefusal(second, post("/subjects/b/versions", padded), deadline);
      assertThat(refused.status).isEqualTo(503);
      assertThat(refused.headers.get("retry-after")).isEqualTo(RegistryHandler.RETRY_AFTER_SECONDS);
      assertThat(refused.json().path("error_code").asInt()).isEqualTo(503);

      stalled.send(padded.substring(990));
      assertThat(stalled.read().json().path("id").asInt()).as("the stalled upload, completed, is answered")
          .isEqualTo(1);
      try (Wire third = new Wire(small.port())) {
        assertThat(third.send(post("/subjects/b/versions", padded)).read().status)
            .as("its reservation was given back").isEqualTo(200);
      }
    }
  }

  /** The 990 held bytes may still be on their way to the server: retry until the budget refuses. */
  private static Answer readRefusal(Wire first, String request, long deadline) throws Exception {
    Answer answer = first.send(request).read();
    while (answer.status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(10);
      try (Wire again = new Wire(first.socket.getPort())) {
        answer = again.send(request.replace("/subjects/b/", "/subjects/b" + System.nanoTime() + "/")).read();
      }
    }
    return answer;
  }

  @Test
  void aKeptAliveConnectionWithoutARequestIsClosedAfterTheIdleTimeout(@TempDir Path otherDir) throws Exception {
    try (RegistryServer small = startWith(otherDir, 16 * 1024, java.time.Duration.ofSeconds(1));
         Wire idle = new Wire(small.port())) {
      long asked = System.nanoTime();   // before the request, so before the server's last activity on it
      assertThat(idle.send("GET /subjects HTTP/1.1\r\nHost: x\r\n\r\n").read().status).isEqualTo(200);
      // The read blocks until the server closes the connection (the Wire's own 60 s read timeout fails it).
      assertThat(idle.atEnd()).as("the server closed the idle connection").isTrue();
      assertThat(System.nanoTime() - asked).as("not before the idle timeout")
          .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(1).toNanos());
    }
  }

  /** A registry with small limits: 1,000-byte bodies, a 10 s wait for a first request, the rest as given. */
  private static RegistryServer startWith(Path dataDir, long bodyBudget, java.time.Duration idleTimeout)
      throws IOException {
    return RegistryServer.start(RegistryServer.Options.of(dataDir, 0), System.err, ApiHandler.NONE,
        new HttpLimits(16 * 1024, 1024, bodyBudget, java.time.Duration.ofSeconds(10), idleTimeout));
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

    /** An answer's status line and headers only (the answer to a HEAD). */
    Answer readHead() throws IOException {
      String statusLine = line();
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
      }
      return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, "");
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
