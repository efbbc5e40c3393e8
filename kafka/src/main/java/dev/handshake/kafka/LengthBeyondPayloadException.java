package dev.handshake.kafka;

/**
 * A length in the payload (string, bytes, array or map block) is larger than the bytes left: refused before
 * anything of that size was allocated, so a forged 2 GB length costs nothing.
 */
public final class LengthBeyondPayloadException extends HandshakeSerdeException {
  LengthBeyondPayloadException(String message, SerdeContext context, Throwable cause) {
    super(message, context, cause);
  }
}
