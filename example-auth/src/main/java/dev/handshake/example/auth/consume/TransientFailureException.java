package dev.handshake.example.auth.consume;

/**
 * A failure that says nothing about the record (registry, database or broker unreachable): the batch is rolled
 * back, the partitions rewound and paused, and the same records are tried again later. Never dead-lettered.
 */
public final class TransientFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
