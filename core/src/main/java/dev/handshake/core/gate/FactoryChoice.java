package dev.handshake.core.gate;

import java.util.List;

/** The event factory the gate uses for one contract interaction, or why there is none. */
public sealed interface FactoryChoice {
  /** The factory whose description and topic are the interaction's. */
  record Chosen(EventFactory factory) implements FactoryChoice {
  }

  /**
   * No factory builds the interaction's description on its topic; {@code onOtherTopics} names the factories that
   * build it on another topic (each {@code Class.method() (topic "t")}).
   */
  record Missing(List<String> onOtherTopics) implements FactoryChoice {
    public Missing {
      onOtherTopics = List.copyOf(onOtherTopics);
    }
  }

  /** The interaction's topic is none the producer's factories publish ({@code published}: sorted, never empty). */
  record TopicNotPublished(String topic, List<String> published) implements FactoryChoice {
    public TopicNotPublished {
      published = List.copyOf(published);
    }
  }
}
