package dev.handshake.registry.store;

import java.util.Arrays;

/**
 * One subject's versions in two int arrays: version numbers ascending and their schema ids, a soft-deleted
 * version's id stored negated. About 8 bytes a version instead of the ~70 of a {@code TreeMap<Integer, ...>}
 * entry, which matters at 100,000 versions in a 64 MiB heap. {@link #changedAt} is the log position just past
 * the last record that changed this subject: an answer about the subject waits until the log is durable there.
 * Guarded by the store's lock.
 */
public final class SubjectVersions {
  private int[] versions = new int[2];
  private int[] ids = new int[2];
  private int size;
  public long changedAt;

  public int size() {
    return size;
  }

  public int version(int index) {
    return versions[index];
  }

  public int id(int index) {
    return Math.abs(ids[index]);
  }

  public boolean deleted(int index) {
    return ids[index] < 0;
  }

  public boolean visible(int index, boolean includeDeleted) {
    return includeDeleted || ids[index] > 0;
  }

  public boolean anyVisible(boolean includeDeleted) {
    for (int i = 0; i < size; i++) {
      if (visible(i, includeDeleted)) {
        return true;
      }
    }
    return false;
  }

  /** The highest version number ever kept here (deleted or not), 0 when empty. */
  public int lastVersion() {
    return size == 0 ? 0 : versions[size - 1];
  }

  /** Index of the latest visible version, or -1. */
  public int latest(boolean includeDeleted) {
    for (int i = size - 1; i >= 0; i--) {
      if (visible(i, includeDeleted)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of {@code version}, or -1. */
  public int indexOf(int version) {
    int index = Arrays.binarySearch(versions, 0, size, version);
    return index < 0 ? -1 : index;
  }

  /** Index of the first live version holding schema {@code id}, or -1. */
  public int indexOfId(int id, boolean includeDeleted) {
    for (int i = 0; i < size; i++) {
      if (id(i) == id && visible(i, includeDeleted)) {
        return i;
      }
    }
    return -1;
  }

  /** Adds (or, in a replayed log, replaces) a live version; new versions always come last. */
  void put(int version, int id) {
    int index = indexOf(version);
    if (index >= 0) {
      ids[index] = id;
      return;
    }
    if (size == versions.length) {
      versions = Arrays.copyOf(versions, size * 2);
      ids = Arrays.copyOf(ids, size * 2);
    }
    int at = size;
    while (at > 0 && versions[at - 1] > version) {
      at--;
    }
    System.arraycopy(versions, at, versions, at + 1, size - at);
    System.arraycopy(ids, at, ids, at + 1, size - at);
    versions[at] = version;
    ids[at] = id;
    size++;
  }

  void softDelete(int index) {
    ids[index] = -Math.abs(ids[index]);
  }

  void softDeleteAll() {
    for (int i = 0; i < size; i++) {
      softDelete(i);
    }
  }

  void remove(int index) {
    System.arraycopy(versions, index + 1, versions, index, size - index - 1);
    System.arraycopy(ids, index + 1, ids, index, size - index - 1);
    size--;
  }

  /** Shrinks the arrays to their content: subjects are many and most have one or two versions. */
  public void trim() {
    if (versions.length > size) {
      versions = Arrays.copyOf(versions, Math.max(1, size));
      ids = Arrays.copyOf(ids, Math.max(1, size));
    }
  }
}
