package dev.handshake.registry.api;

/**
 * One request as the API sees it: method ({@code HEAD} is answered as {@code GET}, without the body), raw (still
 * percent-encoded) path and query, the {@code Authorization} header and the whole body.
 */
public record WireRequest(String method, String rawPath, String rawQuery, String authorization, byte[] body) {
  public static final byte[] NO_BODY = new byte[0];

  public WireRequest withBody(byte[] bytes) {
    return new WireRequest(method, rawPath, rawQuery, authorization, bytes);
  }
}
