package dev.handshake.kafka;

/**
 * With {@link HandshakeSerdeConfig#AVRO_USE_LOGICAL_TYPE_CONVERTERS}, a value its logical type's conversion
 * refused: a {@code uuid} string that is not a UUID, a {@code time-millis} beyond a day, a date out of range.
 * The bytes are valid Avro; the value is not. Permanent.
 */
public final class InvalidLogicalValueException extends HandshakeSerdeException {
  InvalidLogicalValueException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
