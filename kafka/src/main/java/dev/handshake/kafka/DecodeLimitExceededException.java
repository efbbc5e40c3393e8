package dev.handshake.kafka;

/**
 * The record would cost more work than {@link HandshakeSerdeConfig#DECODE_MAX_ITEMS} or
 * {@link HandshakeSerdeConfig#DECODE_MAX_DEPTH} allow: more array and map items than its budget (zero-byte items
 * such as nulls and empty records included), or a value nested deeper than the limit. Refused before the work
 * was done, so such a record costs bounded time and heap; permanent.
 */
public final class DecodeLimitExceededException extends HandshakeSerdeException {
  DecodeLimitExceededException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
