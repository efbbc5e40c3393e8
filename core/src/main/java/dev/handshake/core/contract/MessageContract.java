package dev.handshake.core.contract;

import dev.handshake.core.source.Location;
import dev.handshake.core.source.SourcePositions;
import java.util.List;

/**
 * A consumer's Pact V4 message contract with one provider, as read from {@code displayPath}. Only the
 * {@code Asynchronous/Messages} interactions are kept: those are what the producer gate verifies.
 */
public final class MessageContract {
  private final String displayPath;
  private final String consumer;
  private final String provider;
  private final List<MessageInteraction> interactions;
  private final String text;
  private volatile SourcePositions positions;

  MessageContract(String displayPath, String consumer, String provider, List<MessageInteraction> interactions,
                  String text) {
    this.displayPath = displayPath;
    this.consumer = consumer;
    this.provider = provider;
    this.interactions = List.copyOf(interactions);
    this.text = text;
  }

  public String displayPath() {
    return displayPath;
  }

  public String consumer() {
    return consumer;
  }

  public String provider() {
    return provider;
  }

  public List<MessageInteraction> interactions() {
    return interactions;
  }

  /** Names the consumer, this contract and one of its interactions, for messages. */
  public String describe(MessageInteraction interaction) {
    return "consumer \"" + consumer + "\" (contract " + displayPath + ", interaction \"" + interaction.description()
        + "\")";
  }

  /** Positions are indexed only when a finding needs one: a passing contract is parsed once. */
  private SourcePositions positions() {
    SourcePositions current = positions;
    if (current == null) {
      try {
        current = SourcePositions.of(text);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("the contract parsed before, so indexing it cannot fail", e);
      }
      positions = current;
    }
    return current;
  }

  /** {@code file:line:col} of the value at a JSON pointer into the contract file (or its nearest parent). */
  public Location locate(String pointer) {
    int[] position = positions().nearest(pointer);
    return new Location(displayPath, position[0], position[1], pointer);
  }
}
