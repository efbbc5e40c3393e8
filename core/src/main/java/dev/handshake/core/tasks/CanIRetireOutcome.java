package dev.handshake.core.tasks;

import java.nio.file.Path;
import java.util.List;

/**
 * What can-i-retire answered.
 *
 * @param verdict  yes (no consumer version recorded reads the topic), no (one does), unknown (an environment file
 *                 or a recorded contract could not be read, and none of those read says no)
 * @param readers  every recorded consumer version that still reads the topic, with what it reads
 * @param unknowns what could not be read, each naming the file or version
 * @param summary  the verdict line, printed first
 * @param report   can-i-retire.json, the same answer for tools
 */
public record CanIRetireOutcome(Verdict verdict, List<TopicReader> readers, List<String> unknowns, String summary,
                                Path report) {
  public CanIRetireOutcome {
    readers = List.copyOf(readers);
    unknowns = List.copyOf(unknowns);
  }

  public enum Verdict {
    YES, NO, UNKNOWN
  }

  /** A consumer version whose recorded contracts have interactions on the topic. */
  public record TopicReader(String consumer, String version, List<InteractionRead> interactions) {
    public TopicReader {
      interactions = List.copyOf(interactions);
    }
  }

  /**
   * One interaction on the topic and the fields it reads ({@code $.email (asserts)}); empty when its reader
   * schema cannot be used (the gate reports that).
   */
  public record InteractionRead(String contract, String description, List<String> fields) {
    public InteractionRead {
      fields = List.copyOf(fields);
    }
  }
}
