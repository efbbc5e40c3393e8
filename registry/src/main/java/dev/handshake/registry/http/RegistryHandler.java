package dev.handshake.registry.http;

import dev.handshake.registry.api.ApiHandler;
import dev.handshake.registry.api.HttpLimits;
import dev.handshake.registry.api.HttpService;
import dev.handshake.registry.api.Response;
import dev.handshake.registry.api.WireRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * The adapter from Jetty to the API: credentials are checked before a byte of the body is read (so
 * {@code 100 Continue}, which Jetty sends when the body is first read, goes only to an authenticated request),
 * the body is read without holding a thread and counted against the {@link BodyBudget} as it arrives, the API
 * runs on a Jetty pool thread (a BLOCKING handler is never run by a selector), and an answer that depends on an
 * unflushed record is written when {@link GroupCommit} has forced it, again with no thread held.
 */
public final class RegistryHandler extends Handler.Abstract {
  /** Seconds a client refused for lack of body budget is asked to wait. */
  public static final String RETRY_AFTER_SECONDS = "1";

  private final HttpService service;
  private final HttpLimits limits;
  private final BodyBudget budget;
  private final GroupCommit groupCommit;
  private final RegistryHttpServer server;
  private final AtomicInteger inProgress = new AtomicInteger();
  private final AtomicInteger busyThreads = new AtomicInteger();

  RegistryHandler(HttpService service, HttpLimits limits, BodyBudget budget, GroupCommit groupCommit,
                  RegistryHttpServer server) {
    this.service = service;
    this.limits = limits;
    this.budget = budget;
    this.groupCommit = groupCommit;
    this.server = server;
  }

  int inProgress() {
    return inProgress.get();
  }

  int busyThreads() {
    return busyThreads.get();
  }

  @Override
  public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
    // From its first request on, a connection has the (longer) idle timeout; before it, the connector's short one.
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    if (endPoint.getIdleTimeout() != limits.idleTimeout().toMillis()) {
      endPoint.setIdleTimeout(limits.idleTimeout().toMillis());
    }
    inProgress.incrementAndGet();
    Exchange exchange = new Exchange(request, response, Callback.from(callback, inProgress::decrementAndGet));
    busyThreads.incrementAndGet();
    try {
      exchange.start();
    } finally {
      busyThreads.decrementAndGet();
    }
    return true;
  }

  /** One request's life in the adapter: admission, the body, the API, the answer. */
  private final class Exchange {
    private final Request request;
    private final org.eclipse.jetty.server.Response response;
    private final Callback callback;
    private final boolean head;
    private final WireRequest wire;
    private ByteArrayOutputStream body;
    private long reserved;

    Exchange(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.head = "HEAD".equals(request.getMethod());
      HttpURI uri = request.getHttpURI();
      this.wire = new WireRequest(head ? "GET" : request.getMethod(), uri.getPath(), uri.getQuery(),
          request.getHeaders().get(HttpHeader.AUTHORIZATION), WireRequest.NO_BODY);
    }

    void start() {
      Response refusal = service.refuseBeforeBody(wire);
      if (refusal != null) {
        sendClosing(refusal);
        return;
      }
      long declared = request.getLength();
      if (declared > limits.maxBody()) {
        sendClosing(tooLarge());
        return;
      }
      if (declared > 0 && !budget.hasRoomFor(Math.min(declared, limits.maxBody()))) {
        sendClosing(busy());
        return;
      }
      readBody();
    }

    /** Reads what has arrived; when more is due, asks Jetty to call again then (no thread waits meanwhile). */
    private void readBody() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::readBodyOnDemand);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          giveBackBody();
          Throwable failure = chunk.getFailure();
          if (failure instanceof TimeoutException) {
            sendClosing(ApiHandler.error(408, 408, "Request timeout: no byte of the request arrived within "
                + limits.idleTimeout().toSeconds() + " s"));
          } else {
            callback.failed(failure);
          }
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int size = bytes.remaining();
        try {
          if (size > 0 && !take(bytes, size)) {
            return;
          }
        } finally {
          chunk.release();
        }
        if (chunk.isLast()) {
          handleOffThisThread();
          return;
        }
      }
    }

    private void readBodyOnDemand() {
      busyThreads.incrementAndGet();
      try {
        readBody();
      } finally {
        busyThreads.decrementAndGet();
      }
    }

    /** Copies one chunk if the body stays within its limit and the budget; otherwise answers and says false. */
    private boolean take(ByteBuffer bytes, int size) {
      if (reserved + size > limits.maxBody()) {
        giveBackBody();
        sendClosing(tooLarge());
        return false;
      }
      if (!budget.tryReserve(size)) {
        giveBackBody();
        sendClosing(busy());
        return false;
      }
      reserved += size;
      if (body == null) {
        body = new ByteArrayOutputStream(Math.max(size, 256));
      }
      byte[] copy = new byte[size];
      bytes.get(copy);
      body.write(copy, 0, size);
      return true;
    }

    private void giveBackBody() {
      budget.release(reserved);
      reserved = 0;
      body = null;
    }

    /**
     * The API runs on this thread, which is a pool thread: Jetty runs a BLOCKING handler and its demand callbacks
     * off the selectors.
     */
    private void handleOffThisThread() {
      WireRequest complete = body == null ? wire : wire.withBody(body.toByteArray());
      body = null;
      Response answer;
      try {
        answer = service.handle(complete);
      } finally {
        budget.release(reserved);
        reserved = 0;
      }
      if (!answer.durableAt().isNone() && !service.isDurable(answer.durableAt())) {
        groupCommit.deliverWhenDurable(answer, this::send);
      } else {
        send(answer);
      }
    }

    private void sendClosing(Response answer) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      send(answer);
    }

    void send(Response answer) {
      response.setStatus(answer.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiHandler.CONTENT_TYPE);
      for (Map.Entry<String, String> header : answer.headers().entrySet()) {
        response.getHeaders().put(header.getKey(), header.getValue());
      }
      if (answer.streamed() == null) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);   // Jetty sends no body to a HEAD
        return;
      }
      streamOnThisThread(answer.streamed());   // for a HEAD, Jetty discards what is written
    }

    /** A listing: written as produced, chunked; the thread blocks while a slow client reads. */
    private void streamOnThisThread(Response.BodyWriter writer) {
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        writer.writeTo(out);
      } catch (IOException | RuntimeException e) {
        // The status line is out: the client sees a truncated answer (no final chunk), never a wrong one.
        if (!(e instanceof IOException)) {
          server.logUnexpected("streaming the answer to " + wire.method() + " " + wire.rawPath() + " failed", e);
        }
        callback.failed(e);
        return;
      }
      callback.succeeded();
    }
  }

  private Response tooLarge() {
    return ApiHandler.error(413, 413, "Request body too large: at most " + limits.maxBody() + " bytes");
  }

  private static Response busy() {
    return new Response(503, ApiHandler.errorBody(503, "The registry is receiving too many request bodies at "
        + "once; retry after " + RETRY_AFTER_SECONDS + " s"), Map.of("Retry-After", RETRY_AFTER_SECONDS));
  }
}
