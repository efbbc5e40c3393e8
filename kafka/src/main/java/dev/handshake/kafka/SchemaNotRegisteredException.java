package dev.handshake.kafka;

/**
 * Serializing with {@code auto.register.schemas=false}: the subject does not have the record's schema
 * (or, with {@code use.latest.version}, has no version at all). Register it first, e.g. with the Maven plugin.
 */
public final class SchemaNotRegisteredException extends HandshakeSerdeException {
  SchemaNotRegisteredException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
