package dev.handshake.example.auth.store;

/** What applying one event did: changed auth's copy, or nothing because it was seen before or is older. */
public enum ApplyOutcome {
  APPLIED("applied"),
  DUPLICATE("duplicates"),
  STALE("stale");

  private final String counter;

  ApplyOutcome(String counter) {
    this.counter = counter;
  }

  /** The counter of {@code GET /admin/stats} this outcome adds to. */
  public String counter() {
    return counter;
  }
}
