package dev.handshake.core.avro;

import java.util.regex.Pattern;

/** Pact-style JSON paths: {@code $.user.email}, {@code $.roles[0]}, {@code $['odd key']}. */
public final class JsonPaths {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private JsonPaths() {
  }

  public static String child(String parent, String key) {
    if (PLAIN.matcher(key).matches()) {
      return parent + "." + key;
    }
    return parent + "['" + key.replace("'", "\\'") + "']";
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
