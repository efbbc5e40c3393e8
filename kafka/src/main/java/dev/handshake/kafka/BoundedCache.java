package dev.handshake.kafka;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe map that never holds more than {@code capacity} entries: a consumer of a topic with ever new
 * schema ids (or a fuzzer) cannot grow it without bound. Reads take no lock (they are on every record's
 * path); when full, an arbitrary entry makes room, which only costs a later reload. Loading runs outside
 * any lock, so a slow registry call never blocks readers; two threads may load the same key once each.
 */
final class BoundedCache<K, V> {
  private final Map<K, V> entries = new ConcurrentHashMap<>();
  private final int capacity;

  BoundedCache(int capacity) {
    this.capacity = capacity;
  }

  V get(K key) {
    return entries.get(key);
  }

  void put(K key, V value) {
    entries.put(key, value);
    // Trimmed after the put, so whichever writer comes last leaves the map within its bound.
    Iterator<K> keys = entries.keySet().iterator();
    while (entries.size() > capacity && keys.hasNext()) {
      if (!keys.next().equals(key)) {
        keys.remove();
      }
    }
  }

  V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
    V value = get(key);
    if (value != null) {
      return value;
    }
    V loaded = loader.apply(key);
    put(key, loaded);
    return loaded;
  }

  int size() {
    return entries.size();
  }
}
