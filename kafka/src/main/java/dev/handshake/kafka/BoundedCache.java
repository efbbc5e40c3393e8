package dev.handshake.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe map that forgets its least recently used entry beyond {@code capacity}: a consumer of a topic
 * with ever new schema ids (or a fuzzer) cannot grow it without bound. Loading runs outside the lock, so a slow
 * registry call never blocks readers of other keys; two threads may load the same key once each.
 */
final class BoundedCache<K, V> {
  private final Map<K, V> entries;

  BoundedCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(K key) {
    synchronized (entries) {
      return entries.get(key);
    }
  }

  void put(K key, V value) {
    synchronized (entries) {
      entries.put(key, value);
    }
  }

  V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
    V value = get(key);
    if (value != null) {
      return value;
    }
    V loaded = loader.apply(key);
    synchronized (entries) {
      entries.put(key, loaded);
    }
    return loaded;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
