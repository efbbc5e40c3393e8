package dev.handshake.registry;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An answer: a body in memory, or (with {@code streamed}) one written to the client as it is produced (sent
 * chunked). {@code extraHeaders} are complete header lines, each ending in CRLF, or empty.
 */
record Response(int status, byte[] body, BodyWriter streamed, String extraHeaders) {
  Response(int status, byte[] body) {
    this(status, body, null, "");
  }

  static Response streamed(BodyWriter writer) {
    return new Response(200, null, writer, "");
  }

  interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
