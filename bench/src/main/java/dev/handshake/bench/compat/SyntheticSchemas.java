package dev.handshake.bench.compat;

import java.util.ArrayList;
import java.util.List;

/** Schema texts for the benchmarks: wide records and long, compatible version histories. */
final class SyntheticSchemas {
  private SyntheticSchemas() {
  }

  /**
   * Version {@code version} (1-based) of a record with {@code baseFields} fields. Each later version swaps the
   * optional field the previous one added for a new one, so the record keeps its width and every version is FULL
   * compatible with every other.
   */
  static String version(int baseFields, int version) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < baseFields; i++) {
      fields.add(field(i));
    }
    if (version > 1) {
      fields.add("{\"name\":\"added" + version + "\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    return record(fields);
  }

  /** A copy of {@link #version(int, int) version 1} with {@code breaks} fields removed from the front. */
  static String withoutFields(int baseFields, int breaks) {
    List<String> fields = new ArrayList<>();
    for (int i = breaks; i < baseFields; i++) {
      fields.add(field(i));
    }
    return record(fields);
  }

  private static String field(int i) {
    return switch (i % 5) {
      case 0 -> "{\"name\":\"f" + i + "\",\"type\":\"string\"}";
      case 1 -> "{\"name\":\"f" + i + "\",\"type\":\"long\"}";
      case 2 -> "{\"name\":\"f" + i + "\",\"type\":[\"null\",\"int\"],\"default\":null}";
      case 3 -> "{\"name\":\"f" + i + "\",\"type\":{\"type\":\"enum\",\"name\":\"E" + i
          + "\",\"symbols\":[\"A\",\"B\",\"C\"],\"default\":\"A\"}}";
      default -> "{\"name\":\"f" + i + "\",\"type\":{\"type\":\"array\",\"items\":\"double\"}}";
    };
  }

  private static String record(List<String> fields) {
    return "{\"type\":\"record\",\"name\":\"Wide\",\"namespace\":\"bench\",\"fields\":[" + String.join(",", fields) + "]}";
  }
}
