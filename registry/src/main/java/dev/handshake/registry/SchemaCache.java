package dev.handshake.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A bounded least-recently-used map, weighed by a caller-given size: the registry's heap holds only the hottest
 * schema texts and parsed schemas, however many schemas the store has. Thread-safe.
 */
final class SchemaCache<V> {
  private final long maxWeight;
  private final int maxEntries;
  private final ToIntFunction<V> weigher;
  private final LinkedHashMap<Integer, V> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long weight;

  SchemaCache(int maxEntries, long maxWeight, ToIntFunction<V> weigher) {
    this.maxEntries = maxEntries;
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  synchronized V get(int id) {
    return entries.get(id);
  }

  synchronized void put(int id, V value) {
    V previous = entries.put(id, value);
    if (previous != null) {
      weight -= weigher.applyAsInt(previous);
    }
    weight += weigher.applyAsInt(value);
    var oldest = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || weight > maxWeight) && oldest.hasNext()) {
      Map.Entry<Integer, V> evicted = oldest.next();
      if (evicted.getKey() == id) {
        break;
      }
      weight -= weigher.applyAsInt(evicted.getValue());
      oldest.remove();
    }
  }

  synchronized void clear() {
    entries.clear();
    weight = 0;
  }

  synchronized int size() {
    return entries.size();
  }
}
