package dev.handshake.core.history;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Subjects as file and directory names, encoded as Confluent's kafka-schema-registry-maven-plugin does
 * ({@code download} with {@code encodeSubject}): URL-encoded, with {@code %} written as {@code _x}, so
 * {@code orders/v1-value} becomes {@code orders_x2Fv1-value}. The usual names ({@code users-value},
 * {@code dev.example.User}) stay as they are.
 */
public final class SubjectFileNames {
  private static final String PERCENT = "_x";

  private SubjectFileNames() {
  }

  public static String encode(String subject) {
    if (subject.equals(".") || subject.equals("..")) {
      return subject.replace(".", PERCENT + "2E");
    }
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("%", PERCENT);
  }

  /** The subject a file name stands for; a name that is not an encoding of anything is the subject itself. */
  public static String decode(String fileName) {
    if (!fileName.contains(PERCENT) && !fileName.contains("+")) {
      return fileName;
    }
    try {
      String subject = URLDecoder.decode(fileName.replace(PERCENT, "%"), StandardCharsets.UTF_8);
      return encode(subject).equals(fileName) ? subject : fileName;
    } catch (IllegalArgumentException e) {
      return fileName;
    }
  }
}
