package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz of the HTTP layer under the launcher's heap: request heads and chunked bodies mutated byte by byte
 * (bits flipped, CR, LF, NUL, signs and spaces inserted, bytes dropped, lines doubled, cut short). Every base
 * request is one the registry refuses when intact (unknown path, invalid schema), so every answer must be a
 * refusal: a 4xx, a 501 or 505 for what HTTP/1.1 does not offer, or a close. Never a 500, never a hang, and a
 * normal client beside the fuzzer is served throughout. A failure names the seed and the case to replay it.
 */
@Timeout(240)
class HttpFuzzTest {
  private static final long SEED = 19L;
  private static final int CASES = 10_000;
  private static final int THREADS = 4;
  private static final byte[] SPECIAL = {'\r', '\n', 0, ' ', '\t', ':', ';', '+', '-', 0x7f, (byte) 0xff, '"', '%'};

  @TempDir
  Path dataDir;

  @Test
  void mutatedRequestsAreRefusedOrClosedAndANormalClientIsServedThroughout() throws Exception {
    try (ChildRegistry child = ChildRegistry.server(dataDir, RegistryMemoryTest.LAUNCHER_JVM)) {
      URI uri = URI.create(child.url());
      AtomicBoolean fuzzing = new AtomicBoolean(true);
      AtomicInteger normalServed = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger ran = new AtomicInteger();
      Thread normal = new Thread(() -> normalClient(uri, fuzzing, normalServed, failures), "fuzz-normal-client");
      normal.start();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int first = t;
          workers.add(pool.submit(() -> {
            for (int kase = first; kase < CASES && failures.isEmpty(); kase += THREADS) {
              String failure = runCase(uri, kase);
              ran.incrementAndGet();
              if (failure != null) {
                failures.add(failure);
              }
            }
            return null;
          }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      } finally {
        fuzzing.set(false);
        pool.shutdownNow();
        normal.join(Duration.ofSeconds(30).toMillis());
      }
      assertThat(failures).as("seed " + SEED).isEmpty();
      assertThat(ran.get()).isEqualTo(CASES);
      assertThat(normalServed.get()).as("the normal client was served while the fuzzer ran").isPositive();
      assertThat(child.stderr()).as("no stack trace logged for a client's request").doesNotContain("\tat ");
    }
  }

  /** One case, reproducible from the seed and its number; null if the answer was a refusal or a close. */
  private static String runCase(URI uri, int kase) throws IOException {
    Random random = new Random(SEED * 1_000_003L + kase);
    byte[] request = mutate(base(random), random);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      try {
        socket.getOutputStream().write(request);
        socket.shutdownOutput();   // what is missing never comes: the server must decide now
      } catch (SocketException closedEarly) {
        return null;   // refused and closed while we were still sending
      }
      String status;
      try {
        status = statusLine(socket.getInputStream());
      } catch (SocketTimeoutException hang) {
        return "case " + kase + ": no answer and no close within 30 s for " + printable(request);
      } catch (SocketException reset) {
        return null;
      }
      if (status.isEmpty()) {
        return null;   // closed without an answer
      }
      int code = status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
      boolean refusal = code >= 400 && code < 500 || code == 501 || code == 505;
      return refusal ? null : "case " + kase + ": answered \"" + status + "\" to " + printable(request);
    }
  }

  private static byte[] base(Random random) {
    String invalidSchema = "{\"schema\": \"{\\\"type\\\": \\\"nope\\\"}\"}";
    String chunked = "POST /subjects/fuzz/versions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n";
    String[] sizes = {"-1", "+2", " 2 ", "2;ext", "0x2", "ffffffffffffffffff", "2", "", "2\r", "1a"};
    return (switch (random.nextInt(5)) {
      case 0 -> "GET /nope HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n";
      case 1 -> "POST /subjects/fuzz/versions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + invalidSchema.length() + "\r\n\r\n" + invalidSchema;
      case 2 -> "DELETE /subjects/nope HTTP/1.1\r\nHost: x\r\n\r\n";
      case 3 -> chunked + Integer.toHexString(invalidSchema.length()) + "\r\n" + invalidSchema + "\r\n0\r\n\r\n";
      default -> chunked + sizes[random.nextInt(sizes.length)] + "\r\n{}\r\n0\r\n\r\n";
    }).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] mutate(byte[] request, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(request);
    byte[] bytes = out.toByteArray();
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && bytes.length > 1; m++) {
      int at = random.nextInt(bytes.length);
      bytes = switch (random.nextInt(6)) {
        case 0 -> flip(bytes, at, random.nextInt(8));
        case 1 -> replace(bytes, at, SPECIAL[random.nextInt(SPECIAL.length)]);
        case 2 -> insert(bytes, at, SPECIAL[random.nextInt(SPECIAL.length)]);
        case 3 -> delete(bytes, at);
        case 4 -> doubleLine(bytes, at);
        default -> java.util.Arrays.copyOf(bytes, at);
      };
    }
    return bytes;
  }

  private static byte[] flip(byte[] bytes, int at, int bit) {
    byte[] copy = bytes.clone();
    copy[at] ^= (byte) (1 << bit);
    return copy;
  }

  private static byte[] replace(byte[] bytes, int at, byte value) {
    byte[] copy = bytes.clone();
    copy[at] = value;
    return copy;
  }

  private static byte[] insert(byte[] bytes, int at, byte value) {
    byte[] copy = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, copy, 0, at);
    copy[at] = value;
    System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
    return copy;
  }

  private static byte[] delete(byte[] bytes, int at) {
    byte[] copy = new byte[bytes.length - 1];
    System.arraycopy(bytes, 0, copy, 0, at);
    System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
    return copy;
  }

  /** The line around {@code at} written twice (a doubled header, a doubled chunk). */
  private static byte[] doubleLine(byte[] bytes, int at) {
    int start = at;
    while (start > 0 && bytes[start - 1] != '\n') {
      start--;
    }
    int end = at;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    end = Math.min(end + 1, bytes.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, end);
    out.write(bytes, start, end - start);
    out.write(bytes, end, bytes.length - end);
    return out.toByteArray();
  }

  private static void normalClient(URI uri, AtomicBoolean fuzzing, AtomicInteger served,
                                   ConcurrentLinkedQueue<String> failures) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest get = HttpRequest.newBuilder(uri.resolve("/subjects")).timeout(Duration.ofSeconds(10)).build();
    while (fuzzing.get()) {
      try {
        HttpResponse<String> answer = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          failures.add("the normal client got " + answer.statusCode() + ": " + answer.body());
        }
        served.incrementAndGet();
      } catch (IOException e) {
        failures.add("the normal client failed: " + e);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().trim();
  }

  private static String printable(byte[] request) {
    StringBuilder text = new StringBuilder();
    for (byte b : request) {
      int c = b & 0xff;
      text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return text.toString();
  }
}
