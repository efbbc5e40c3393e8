package dev.handshake.core.avro;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Avro's schema-resolution errors in the report's own words. Avro says {@code Found a.UserDeleted, expecting
 * a.UserDeleted, missing required field email}, which reads as if the two records differed in name; the report
 * says what the consumer's reader needed and the producer did not write. The raw text stays in the finding's
 * details ({@code avro}) for whoever debugs Avro itself.
 */
public final class DecodeFailures {
  private static final Pattern MISSING_FIELD =
      Pattern.compile("Found (\\S+), expecting (\\S+), missing required field (\\S+)");
  private static final Pattern UNKNOWN_SYMBOL = Pattern.compile("No match for (\\S+)");
  private static final Pattern EXPECTING_UNION = Pattern.compile("Found (\\S+), expecting union");
  private static final Pattern OTHER_TYPE = Pattern.compile("Found (\\S+), expecting (\\S+)");

  private DecodeFailures() {
  }

  /** Why the reader could not decode, as a clause: "the reader requires field ...". */
  public static String explain(String avroMessage) {
    String message = avroMessage == null ? "" : avroMessage.trim();
    Matcher m = MISSING_FIELD.matcher(message);
    if (m.find()) {
      return "the reader's record " + simple(m.group(2)) + " requires field \"" + m.group(3) + "\" (it has no "
          + "default there), and the event written with the producer's schema does not contain it";
    }
    m = UNKNOWN_SYMBOL.matcher(message);
    if (m.find()) {
      return "the event holds the enum symbol " + m.group(1) + ", which the reader's enum does not list and has "
          + "no default for";
    }
    m = EXPECTING_UNION.matcher(message);
    if (m.find()) {
      return "the producer writes " + simple(m.group(1)) + " where the reader expects a union with no branch "
          + "that accepts it";
    }
    m = OTHER_TYPE.matcher(message);
    if (m.find()) {
      return "the producer writes " + simple(m.group(1)) + " where the reader expects " + simple(m.group(2))
          + ", and Avro cannot convert one into the other";
    }
    return "Avro's schema resolution failed (" + (message.isEmpty() ? "no reason given" : message) + ")";
  }

  private static String simple(String name) {
    return name.endsWith(",") ? name.substring(0, name.length() - 1) : name;
  }
}
