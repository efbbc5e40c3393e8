package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.OffsetStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps an instance that lost a partition from applying a batch of it anyway. An instance thrown out of the group
 * (a long GC pause, {@code max.poll.interval.ms} exceeded) learns it only at its next poll, so it may still be
 * applying a batch while another instance already owns the partition. Each instance therefore remembers, per
 * partition, the next offset it positioned itself at or committed last; a batch's transaction first locks the
 * partitions' offset rows ({@code FOR UPDATE}, in partition order so two batches never deadlock) and goes on only
 * when every row still holds that offset. Otherwise another instance moved the partition: the batch rolls back
 * whole ({@link FencedBatchException}) and the instance positions itself from the database again.
 *
 * <p>Used by the consumer's own thread only.
 */
final class PartitionFence {
  private static final Comparator<TopicPartition> ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  /** Per partition: the stored next offset this instance expects, empty when no row was stored. */
  private final Map<TopicPartition, Optional<Long>> expected = new HashMap<>();

  /** The instance positioned {@code partition} at what the database held ({@code stored}). */
  void positioned(TopicPartition partition, Optional<Long> stored) {
    expected.put(partition, stored);
  }

  void forget(Collection<TopicPartition> partitions) {
    expected.keySet().removeAll(partitions);
  }

  /**
   * Inside the batch's transaction, before it applies anything: locks the offset rows of {@code partitions} and
   * throws {@link FencedBatchException} naming those another instance moved since this one positioned itself.
   */
  void claim(Connection connection, Collection<TopicPartition> partitions) throws SQLException {
    List<TopicPartition> moved = new ArrayList<>();
    for (TopicPartition partition : partitions.stream().sorted(ORDER).toList()) {
      Optional<Long> stored = OffsetStore.lockNext(connection, partition.topic(), partition.partition());
      if (!stored.equals(expected.get(partition))) {
        moved.add(partition);
      }
    }
    if (!moved.isEmpty()) {
      throw new FencedBatchException(moved);
    }
  }

  /** Inside the batch's transaction, after {@link #claim}: stores the partition's next offset. */
  void store(Connection connection, TopicPartition partition, long nextOffset) throws SQLException {
    Optional<Long> mine = expected.get(partition);
    if (mine != null && mine.isPresent()) {
      // The row is locked by claim(): nobody changed it since.
      OffsetStore.save(connection, partition.topic(), partition.partition(), nextOffset);
    } else if (!OffsetStore.insertFirst(connection, partition.topic(), partition.partition(), nextOffset)) {
      // No row when claim() looked (nothing to lock), one now: another instance stored the partition first.
      throw new FencedBatchException(List.of(partition));
    }
  }

  /** After the batch's transaction committed. */
  void committed(Map<TopicPartition, Long> nextOffsets) {
    nextOffsets.forEach((partition, next) -> expected.put(partition, Optional.of(next)));
  }

  /** A batch whose partitions another instance moved on: rolled back whole, nothing of it applied. */
  static final class FencedBatchException extends RuntimeException {
    private final List<TopicPartition> partitions;

    FencedBatchException(List<TopicPartition> partitions) {
      super("Another instance moved " + partitions + " on since this one positioned itself: batch rolled back");
      this.partitions = List.copyOf(partitions);
    }

    List<TopicPartition> partitions() {
      return partitions;
    }
  }
}
