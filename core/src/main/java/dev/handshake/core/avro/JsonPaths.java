package dev.handshake.core.avro;

import dev.handshake.core.rules.ValuePath;

/** Pact-style JSON paths: {@code $.user.email}, {@code $.roles[0]}, {@code $['odd key']}. */
public final class JsonPaths {
  private JsonPaths() {
  }

  public static String child(String parent, String key) {
    return parent + ValuePath.pactKey(key);
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
