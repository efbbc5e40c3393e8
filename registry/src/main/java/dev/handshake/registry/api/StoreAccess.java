package dev.handshake.registry.api;

import dev.handshake.registry.store.Compaction;
import dev.handshake.registry.store.LogRecord;
import dev.handshake.registry.store.StoreLog;
import dev.handshake.registry.store.StoreState;
import java.io.IOException;
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
    private long offset;

    void need(long logPosition) {
      offset = Math.max(offset, logPosition);
    }

    DurablePosition position() {
      return new DurablePosition(offset);
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
      sync(v.position());
    } catch (ApiException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return result;
  }

  <T> T readChecked(Body<T> body) throws ApiException {
    Visibility v = new Visibility();
    T result = readInto(v, body);
    sync(v.position());
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
    sync(v.position());
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

  void sync(DurablePosition position) throws ApiException {
    if (durableAt(position)) {
      return;
    }
    try {
      log.sync(position.offset());
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  /** Appends {@code record} and applies it to the state; the answer then needs the log durable past it. */
  void persistAndApply(LogRecord record, Visibility v) throws ApiException {
    long position;
    try {
      position = log.append(record);
    } catch (IOException e) {
      throw new ApiException(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
    long end = log.written();
    state.apply(record, position, end);
    v.need(end);
  }

  boolean durableAt(DurablePosition position) {
    return log.durableAt(position.offset());
  }

  ReentrantReadWriteLock lock() {
    return lock;
  }
}
