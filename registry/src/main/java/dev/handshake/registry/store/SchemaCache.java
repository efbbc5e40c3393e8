package dev.handshake.registry.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;

/**
 * A bounded map by schema id, weighed by a caller-given size, evicting the oldest entries first: the registry's
 * heap holds only a bounded number of schema texts, parsed schemas and answers, however many schemas the store
 * has. A hit takes no lock (16 clients looking up schemas contend on nothing); only an insertion that overflows
 * evicts, under a lock. First-in-first-out rather than least-recently-used: recency would need a write on every
 * hit, and a schema evicted while hot is simply read back from the log.
 */
public final class SchemaCache<V> {
  private final long maxWeight;
  private final int maxEntries;
  private final ToIntFunction<V> weigher;
  private final ConcurrentHashMap<Integer, V> entries = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Integer> order = new ConcurrentLinkedQueue<>();
  private long weight;

  public SchemaCache(int maxEntries, long maxWeight, ToIntFunction<V> weigher) {
    this.maxEntries = maxEntries;
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  public V get(int id) {
    return entries.get(id);
  }

  public void put(int id, V value) {
    if (entries.putIfAbsent(id, value) != null) {
      return;
    }
    order.add(id);
    synchronized (this) {
      weight += weigher.applyAsInt(value);
      while (entries.size() > maxEntries || weight > maxWeight) {
        Integer oldest = order.poll();
        if (oldest == null) {
          break;
        }
        V evicted = entries.remove(oldest);
        if (evicted != null) {
          weight -= weigher.applyAsInt(evicted);
        }
      }
    }
  }

  int size() {
    return entries.size();
  }
}
