package dev.handshake.core.contract;

/**
 * One way the producer's event, decoded as the consumer decodes it, differs from what the contract expects.
 * {@code path} is the Pact path ({@code $.address.city}); {@code pointer} locates it in the contract file.
 */
public record Mismatch(Kind kind, String path, String pointer, String expected, String actual, String rule,
                       String description) {

  public enum Kind {
    /** A value of the wrong JSON kind (string for number...), or failing a type matcher. */
    TYPE,
    /** A value of the right kind that is not the expected one, or breaks a regex/format/equality rule. */
    VALUE,
    /** A value the contract expects that the event does not have. */
    MISSING
  }
}
