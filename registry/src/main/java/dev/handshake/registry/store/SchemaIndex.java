package dev.handshake.registry.store;

import dev.handshake.core.registry.SchemaReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the registry keeps in memory per schema id, about 40 bytes whatever the schema's size: where its text is
 * in the log (the position of the record that carries it), its 64-bit fingerprint in an open-addressing table
 * (fingerprint to id) and, only for the few schemas that have them, its references. The text itself is read
 * back from the log on demand (the page cache keeps it warm; {@link SchemaCache} keeps the hottest in the heap),
 * so memory does not grow with schema size. A fingerprint only narrows the search: the store compares the text
 * before trusting a match, and a second schema with the same fingerprint goes to {@link #collisions}. Guarded by
 * the store's lock.
 */
public final class SchemaIndex {
  private long[] positions = new long[1024];
  private final Map<Integer, List<SchemaReference>> references = new HashMap<>();
  private long[] fingerprintKeys = new long[2048];
  private int[] fingerprintIds = new int[2048];
  private int fingerprints;
  private final Map<String, Integer> collisions = new HashMap<>();
  private int maxId;
  private int count;

  int maxId() {
    return maxId;
  }

  public int count() {
    return count;
  }

  public boolean contains(int id) {
    return id > 0 && id < positions.length && positions[id] != 0;
  }

  /** The log position of the record holding the schema's text; positions are stored +1 so that 0 means absent. */
  public long position(int id) {
    return positions[id] - 1;
  }

  public List<SchemaReference> references(int id) {
    return references.getOrDefault(id, List.of());
  }

  Map<Integer, List<SchemaReference>> allReferences() {
    return references;
  }

  /** Records a schema the first time its id is seen; later records of the same id change nothing. */
  void add(int id, long position, long fingerprint, List<SchemaReference> refs) {
    if (contains(id)) {
      return;
    }
    if (id >= positions.length) {
      positions = Arrays.copyOf(positions, Math.max(id + 1, positions.length * 2));
    }
    positions[id] = position + 1;
    if (!refs.isEmpty()) {
      references.put(id, List.copyOf(refs));
    }
    if (idForFingerprint(fingerprint) == 0) {
      putFingerprint(fingerprint, id);
    }
    maxId = Math.max(maxId, id);
    count++;
  }

  /** Where compaction moved a schema's record. */
  void move(int id, long position) {
    positions[id] = position + 1;
  }

  /** The id first stored under this fingerprint, 0 if none. */
  public int idForFingerprint(long fingerprint) {
    int mask = fingerprintKeys.length - 1;
    for (int slot = mix(fingerprint) & mask; fingerprintIds[slot] != 0; slot = (slot + 1) & mask) {
      if (fingerprintKeys[slot] == fingerprint) {
        return fingerprintIds[slot];
      }
    }
    return 0;
  }

  /** Schemas whose fingerprint was taken by another schema, by identity key (practically never used). */
  public Map<String, Integer> collisions() {
    return collisions;
  }

  private void putFingerprint(long fingerprint, int id) {
    if (2 * (fingerprints + 1) > fingerprintKeys.length) {
      long[] oldKeys = fingerprintKeys;
      int[] oldIds = fingerprintIds;
      fingerprintKeys = new long[oldKeys.length * 2];
      fingerprintIds = new int[oldIds.length * 2];
      fingerprints = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldIds[i] != 0) {
          putFingerprint(oldKeys[i], oldIds[i]);
        }
      }
    }
    int mask = fingerprintKeys.length - 1;
    int slot = mix(fingerprint) & mask;
    while (fingerprintIds[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    fingerprintKeys[slot] = fingerprint;
    fingerprintIds[slot] = id;
    fingerprints++;
  }

  private static int mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
