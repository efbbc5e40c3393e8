package dev.handshake.registry.http;

import dev.handshake.registry.api.ApiHandler;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty refuses itself (a malformed or non-compliant request, a head over the limit, an unsupported
 * expectation or version) is answered in Confluent's shape, {@code {"error_code": STATUS, "message": ...}}, with
 * no stack trace logged or sent: a client's mistake is not the server's error.
 */
public final class JsonErrorHandler implements Request.Handler {
  /** The targets Jetty gives a request it could not parse. */
  private static final java.util.Set<String> PARSE_FAILURE_TARGETS = java.util.Set.of("/badRequest", "/badMessage");

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiHandler.CONTENT_TYPE);
    if (status >= 400 && status < 500) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    byte[] body = ApiHandler.errorBody(status, message(request, status));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** Jetty's reason, and the request target when Jetty got as far as reading it (cut to a readable length). */
  private static String message(Request request, int status) {
    Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
    String text = cause instanceof Throwable failure && failure.getMessage() != null ? failure.getMessage()
        : message != null ? message.toString() : HttpStatus.getMessage(status);
    String target = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    if (target != null && !PARSE_FAILURE_TARGETS.contains(target)) {
      text += " (request target " + (target.length() > 200 ? target.substring(0, 200) + "..." : target) + ")";
    }
    return text;
  }
}
