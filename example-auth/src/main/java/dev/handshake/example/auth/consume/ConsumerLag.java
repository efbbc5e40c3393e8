package dev.handshake.example.auth.consume;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many events auth has not applied yet: per partition (Kafka) when it knows, or why it does not know. Unknown
 * is not 0: while a consumer waits for its group (26-40 s after a restart) it has no partitions and knows nothing of
 * what waits for it, and saying 0 then would tell an operator that a user suspended upstream is already locked out.
 */
public record ConsumerLag(SortedMap<Integer, Long> byPartition, Optional<String> unknownBecause) {

  public ConsumerLag {
    byPartition = new TreeMap<>(byPartition);
  }

  public static ConsumerLag unknown(String because) {
    return new ConsumerLag(new TreeMap<>(), Optional.of(because));
  }

  /** A source without partitions (the feed): only the total. */
  public static ConsumerLag total(long events) {
    return new ConsumerLag(new TreeMap<>(Map.of(0, events)), Optional.empty());
  }

  public static ConsumerLag of(Map<Integer, Long> byPartition) {
    return new ConsumerLag(new TreeMap<>(byPartition), Optional.empty());
  }

  /** The sum over partitions, or empty when unknown. */
  public OptionalLong events() {
    return unknownBecause.isPresent() ? OptionalLong.empty()
        : OptionalLong.of(byPartition.values().stream().mapToLong(Long::longValue).sum());
  }
}
