package dev.handshake.example.auth.consume;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which version of user-service's events a topic carries, and the stream its versions share: user-service publishes
 * version 1 to {@code <stream>} (e.g. {@code user-events}) and version N to {@code <stream>.vN} (e.g.
 * {@code user-events.v2}), each event with the same id and outbox position on every version's topic. The version
 * picks auth's reader schemas; the stream keys the positions auth processed ({@link VersionSwitch}).
 */
public record UserEventsTopic(String name, String stream, int version) {
  /** The versions auth ships reader schemas for. */
  public static final int NEWEST_VERSION = 2;
  private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v([0-9]{1,9})");

  /** Throws {@link IllegalArgumentException} saying what is wrong when auth has no readers for the topic. */
  public static UserEventsTopic of(String topic) {
    Matcher versioned = VERSIONED.matcher(topic);
    if (!versioned.matches()) {
      return new UserEventsTopic(topic, topic, 1);
    }
    int version = Integer.parseInt(versioned.group(2));
    if (version < 1 || version > NEWEST_VERSION) {
      throw new IllegalArgumentException("topic " + topic + " carries version " + version + " of user-service's "
          + "events, and auth-service reads versions 1 to " + NEWEST_VERSION + " (" + versioned.group(1) + " for "
          + "version 1, " + versioned.group(1) + ".v2 for version 2)");
    }
    return new UserEventsTopic(topic, versioned.group(1), version);
  }
}
