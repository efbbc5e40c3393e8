package dev.handshake.example.users;

import java.util.List;

/**
 * {@code GET /admin/consumers}: every consumer group reading user-service's topics, how far behind each is, and the
 * contract consumers no group reads for. {@code alerts} repeats each flag as one sentence, for a human.
 */
record ConsumerReport(Thresholds thresholds, List<GroupOnTopic> groups, List<MissingConsumer> missing,
    List<String> alerts) {

  /** {@code CONSUMER_LAG_ALERT_EVENTS} and {@code CONSUMER_LAG_ALERT_SECONDS}: behind is more than either. */
  record Thresholds(long events, long seconds) {}

  /**
   * One group on one topic: {@code committed} offsets are what the group's members committed to Kafka (auth commits
   * them after its own database commit, as a hint for exactly this kind of watcher); {@code oldestUnconsumedAgeSeconds}
   * is the age of the first record after them (null when the group consumed everything, or that record could not be
   * read in time). {@code reading} is false when the group is stable and its members are all assigned other topics:
   * it moved off this one (auth-service after its switch to v2), so it is never behind here.
   */
  record GroupOnTopic(String group, String topic, String state, int members, boolean reading, long lag,
      Double oldestUnconsumedAgeSeconds, boolean behind, List<String> reasons, List<PartitionLag> partitions) {}

  /** {@code committed} is null when the group never committed on the partition: its lag counts from the log start. */
  record PartitionLag(int partition, Long committed, long end, long lag) {}

  /** A consumer with a contract on {@code topic} whose group reads nothing of it. */
  record MissingConsumer(String consumer, String group, String topic, String reason) {}
}
