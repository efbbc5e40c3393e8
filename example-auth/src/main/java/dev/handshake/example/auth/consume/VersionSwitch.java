package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.StreamPartitionPositions;
import dev.handshake.example.auth.store.StreamPartitionPositions.Processed;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Makes a move between versions of user-service's events exact (user-events to user-events.v2, and back): every
 * version's topic carries each event with the same outbox position on the same partition number, in position order
 * (one relay, in position order). Auth stores, with each batch, the greatest position it processed per partition of
 * the stream and the topic it read it from ({@link StreamPartitionPositions}). When a partition of this topic is
 * assigned and another topic processed that partition last, this topic's records at or before that position were
 * processed already (as the other version's copy): they are skipped, from wherever this topic's own offset stands
 * (its beginning when it has none), so the move neither loses an event nor applies one twice.
 */
final class VersionSwitch {
  private final UserEventsTopic topic;
  /** Per assigned partition number: skip records at or before this position (processed from another topic). */
  private final Map<Integer, Long> processedElsewhere = new HashMap<>();

  VersionSwitch(String topic) {
    this.topic = UserEventsTopic.of(topic);
  }

  /** Called when {@code partition} is positioned from the database, before any of its records is fetched. */
  void positioned(Connection connection, TopicPartition partition) throws SQLException {
    Optional<Processed> processed = StreamPartitionPositions.find(connection, topic.stream(), partition.partition());
    if (processed.isPresent() && !processed.get().topic().equals(topic.name())) {
      processedElsewhere.put(partition.partition(), processed.get().position());
      System.out.println("auth-service: " + partition + " resumes after position " + processed.get().position()
          + ", which auth processed from " + processed.get().topic());
    } else {
      processedElsewhere.remove(partition.partition());
    }
  }

  /**
   * {@code records} of one partition without those processed from another topic, and stores (in the batch's
   * transaction) the greatest position of the rest. A record without a readable position is kept: the event-id
   * dedupe still catches it.
   */
  List<ConsumerRecord<byte[], byte[]>> notProcessedYet(Connection connection, TopicPartition partition,
      List<ConsumerRecord<byte[], byte[]>> records) throws SQLException {
    Long skipUpTo = processedElsewhere.get(partition.partition());
    List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>(records.size());
    long greatest = Long.MIN_VALUE;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Long position = positionOrNull(record);
      if (skipUpTo != null && position != null && position <= skipUpTo) {
        continue;
      }
      kept.add(record);
      if (position != null) {
        greatest = Math.max(greatest, position);
      }
    }
    if (greatest != Long.MIN_VALUE) {
      StreamPartitionPositions.save(connection, topic.stream(), partition.partition(), topic.name(), greatest);
    }
    return kept;
  }

  private static Long positionOrNull(ConsumerRecord<byte[], byte[]> record) {
    try {
      return EventDecoder.position(record.headers());
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
