package dev.handshake.registry;

/**
 * One complete HTTP request as read off the wire: method, raw (still percent-encoded) path and query, whether
 * the connection stays open after the answer, the {@code Authorization} header and the whole body.
 */
record WireRequest(String method, String rawPath, String rawQuery, boolean http11, boolean keepAlive,
                   String authorization, byte[] body) {
  static final byte[] NO_BODY = new byte[0];
}
