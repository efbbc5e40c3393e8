package dev.handshake.registry.api;

/**
 * How far the store's log must be on disk before an answer may go out: the end of the last record the answer
 * depends on, as a byte offset in the log. {@link #NONE} for an answer that depends on nothing unflushed. One
 * flush up to a position covers every position before it, so waiting answers share the furthest one.
 */
public record DurablePosition(long offset) {
  public static final DurablePosition NONE = new DurablePosition(0);

  public DurablePosition {
    if (offset < 0) {
      throw new IllegalArgumentException("a log position is an offset, not " + offset);
    }
  }

  public boolean isNone() {
    return offset == 0;
  }

  /** The further of the two: durable there, both are. */
  public DurablePosition max(DurablePosition other) {
    return other.offset > offset ? other : this;
  }
}
