package dev.handshake.core.avro;

/**
 * How much work one record may cost the decoder, whatever its bytes say.
 *
 * <p><b>Items.</b> Every array and map item decoded or skipped counts, including items that take no bytes
 * ({@code null}, empty records). A record may hold at most {@link #itemBudget(int)} = min({@code maxItems},
 * {@value #ITEMS_BEYOND_PAYLOAD} + payload bytes) of them. Every other item takes at least one byte, so any real
 * record fits; an array of a million nulls in a few bytes does not, and neither does one whose blocks each
 * declare as many items as bytes remain. Decoding stops at the block that would pass the budget, before its
 * items are allocated or skipped.
 *
 * <p><b>Depth.</b> A value nested more than {@code maxDepth} levels (each record, array, map, union and leaf a
 * level) is refused: a recursive schema ({@code Node.next: ["null","Node"]}) cannot drive the reader into a
 * {@code StackOverflowError}.
 */
public record DecodeLimits(int maxItems, int maxDepth) {
  public static final int DEFAULT_MAX_ITEMS = 1_000_000;
  public static final int DEFAULT_MAX_DEPTH = 128;
  /** Items a payload may hold beyond one per byte: room for a few zero-byte items in a small record. */
  public static final int ITEMS_BEYOND_PAYLOAD = 1024;
  public static final DecodeLimits DEFAULTS = new DecodeLimits(DEFAULT_MAX_ITEMS, DEFAULT_MAX_DEPTH);

  public DecodeLimits {
    if (maxItems < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("decode limits must be at least 1, got maxItems " + maxItems
          + " and maxDepth " + maxDepth);
    }
  }

  /** The items (array and map elements, zero-byte ones included) a payload of this size may decode or skip. */
  public long itemBudget(int payloadBytes) {
    return Math.min(maxItems, ITEMS_BEYOND_PAYLOAD + (long) payloadBytes);
  }

  /** The budget as a formula with its figures, for messages. */
  String describeBudget(int payloadBytes) {
    return itemBudget(payloadBytes) + " = min(max items " + maxItems + ", " + ITEMS_BEYOND_PAYLOAD + " + "
        + payloadBytes + " payload bytes)";
  }
}
