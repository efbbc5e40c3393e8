package dev.handshake.example.support;

/**
 * A request the service refuses, answered as {@code {"error":"...","field":"..."}} with its HTTP status by
 * {@link JsonHttpServer}. {@code field} names the request field, path or query parameter at fault (may be null).
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String field;

  public ApiException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, field, message);
  }

  public static ApiException notFound(String field, String message) {
    return new ApiException(404, field, message);
  }

  public static ApiException conflict(String field, String message) {
    return new ApiException(409, field, message);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
