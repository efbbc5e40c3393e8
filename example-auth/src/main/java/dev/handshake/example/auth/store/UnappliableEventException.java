package dev.handshake.example.auth.store;

/** An event auth decoded but must not apply (it breaks auth's invariants): poison, dead-lettered, never retried. */
public final class UnappliableEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnappliableEventException(String message) {
    super(message);
  }
}
