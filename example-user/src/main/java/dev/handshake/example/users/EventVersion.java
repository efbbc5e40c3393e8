package dev.handshake.example.users;

import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A major version of user-service's events: v1 ({@code schemas/user-events}, topic {@code USER_EVENTS_TOPIC})
 * and v2 ({@code schemas/user-events-v2}, topic {@code USER_EVENTS_TOPIC + ".v2"}). {@code PUBLISHED_VERSIONS}
 * lists those the relay publishes.
 */
enum EventVersion {
  V1, V2;

  static final String VARIABLE = "PUBLISHED_VERSIONS";
  static final String DEFAULT = "v1,v2";
  /** Longer than any list of known versions; a longer value is refused before it is split. */
  private static final int MAX_BYTES = 64;

  /** As the setting spells it: {@code v1}, {@code v2}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** v1 keeps the topic it always had; a later major version goes beside it, named after it: {@code user-events.v2}. */
  String topic(String v1Topic) {
    return this == V1 ? v1Topic : v1Topic + "." + label();
  }

  /** {@code PUBLISHED_VERSIONS}, default {@code v1,v2}; in version order whatever order it lists them in. */
  static List<EventVersion> published(Settings settings) {
    return parse(settings.text(VARIABLE, DEFAULT));
  }

  static List<EventVersion> parse(String value) {
    if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw invalid("(" + value.length() + " characters)", "is longer than " + MAX_BYTES + " bytes");
    }
    List<EventVersion> versions = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      String label = item.strip();
      EventVersion version = Arrays.stream(values()).filter(v -> v.label().equals(label)).findFirst()
          .orElseThrow(() -> invalid(value, label.isEmpty() ? "has an empty item" : "names \"" + label + "\""));
      if (versions.contains(version)) {
        throw invalid(value, "names " + label + " twice");
      }
      versions.add(version);
    }
    versions.sort(null);
    return List.copyOf(versions);
  }

  static String labels(List<EventVersion> versions) {
    return String.join(",", versions.stream().map(EventVersion::label).toList());
  }

  private static InvalidSettingException invalid(String value, String problem) {
    return new InvalidSettingException(VARIABLE, VARIABLE + "=" + value + " " + problem + ": set it to the event "
        + "versions to publish, comma-separated, from " + Arrays.stream(values()).map(EventVersion::label).toList()
        + " (default " + DEFAULT + ")");
  }
}
