package dev.handshake.registry.api;

import dev.handshake.registry.json.Json;
import dev.handshake.registry.store.Compaction;
import dev.handshake.registry.store.StoreLog;
import dev.handshake.registry.store.StoreState;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The store's locking and durability rules in one place. Reads run under the shared lock, changes under the
 * writer lock, which covers only the append and the in-memory update; either way the answer is given only once
 * the log is durable up to every record it depends on ({@link Visibility}), and no further.
 */
public final class StoreAccess {
  private final StoreLog log;
  private final StoreState state;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Runnable compactInBackground;

  StoreAccess(StoreLog log, StoreState state, Runnable compactInBackground) {
    this.log = log;
    this.state = state;
    this.compactInBackground = compactInBackground;
  }


  /** The log position an answer depends on: it is sent only once the log is durable that far. */
  static final class Visibility {
    long position;

    void need(long logPosition) {
      position = Math.max(position, logPosition);
    }
  }

  interface Body<T> {
    T run(Visibility v) throws ApiException;
  }

  interface UncheckedBody<T> {
    T run(Visibility v);
  }

  <T> T read(UncheckedBody<T> body) {
    Visibility v = new Visibility();
    T result;
    lock.readLock().lock();
    try {
      result = body.run(v);
    } finally {
      lock.readLock().unlock();
    }
    try {
      sync(v.position);
    } catch (ApiException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return result;
  }

  <T> T readChecked(Body<T> body) throws ApiException {
    Visibility v = new Visibility();
    T result = readInto(v, body);
    sync(v.position);
    return result;
  }

  /** Runs {@code body} under the read lock, leaving the flush its answer needs ({@code v}) to the caller. */
  <T> T readInto(Visibility v, Body<T> body) throws ApiException {
    lock.readLock().lock();
    try {
      return body.run(v);
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> T write(Body<T> body) throws ApiException {
    Visibility v = new Visibility();
    T result = writeInto(v, body);
    sync(v.position);
    return result;
  }

  /** Runs {@code body} under the writer lock, leaving the flush its answer needs ({@code v}) to the caller. */
  <T> T writeInto(Visibility v, Body<T> body) throws ApiException {
    T result;
    boolean compact;
    lock.writeLock().lock();
    try {
      result = body.run(v);
      compact = Compaction.worthwhile(state);
    } finally {
      lock.writeLock().unlock();
    }
    if (compact) {
      compactInBackground.run();
    }
    return result;
  }

  void sync(long position) throws ApiException {
    if (log.durableAt(position)) {
      return;
    }
    try {
      log.sync(position);
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  void persistAndApply(Map<String, Object> record, Visibility v) throws ApiException {
    long position = persist(record);
    long end = log.written();
    state.replay(record, position, end);
    v.need(end);
  }

  long persist(Map<String, Object> record) throws ApiException {
    try {
      return log.append(Json.writeString(record));
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  boolean durableAt(long position) {
    return log.durableAt(position);
  }

  ReentrantReadWriteLock lock() {
    return lock;
  }
}
