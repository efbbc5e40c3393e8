package dev.handshake.registry.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * An answer: a body in memory, or (with {@code streamed}) one written to the client as it is produced (sent
 * chunked). {@code headers} are added to the content type and length. {@code durableAt} is the store position the
 * answer depends on (0: none): the server sends it only once the store is durable that far, without holding a
 * thread while it waits.
 */
public record Response(int status, byte[] body, BodyWriter streamed, Map<String, String> headers,
                       DurablePosition durableAt) {
  public Response {
    if (streamed != null && !durableAt.isNone()) {
      throw new IllegalArgumentException("a streamed answer cannot wait for durability");
    }
  }

  public Response(int status, byte[] body) {
    this(status, body, null, Map.of(), DurablePosition.NONE);
  }

  public Response(int status, byte[] body, Map<String, String> headers) {
    this(status, body, null, headers, DurablePosition.NONE);
  }

  static Response streamed(BodyWriter writer) {
    return new Response(200, null, writer, Map.of(), DurablePosition.NONE);
  }

  /** This answer, sent only once the store is durable up to {@code position}. */
  Response onceDurable(DurablePosition position) {
    return new Response(status, body, streamed, headers, durableAt.max(position));
  }

  public interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
