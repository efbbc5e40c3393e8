package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.OffsetStore;
import dev.handshake.example.support.Transactions;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumes the user-events topic and acknowledges only what auth's database holds: each poll batch is applied in
 * one transaction that also stores every partition's next offset, and on start and on every assignment the
 * consumer seeks to the offsets in the database (Kafka's "storing offsets outside Kafka"). Kafka's own committed
 * offsets are written afterwards only as a hint for lag monitoring; they are never read back.
 *
 * <p>Records are fetched as bytes and decoded here, not by the consumer, so a poison record in the middle of a
 * batch is dead-lettered with its exact bytes inside the batch's transaction while the records around it apply.
 */
public final class KafkaEventSource implements EventSource {
  private static final Duration POLL = Duration.ofMillis(200);
  /**
   * A batch costs a fixed handful of statements whatever its size ({@link BatchApplier}), so under a backlog a
   * bigger batch is cheaper per record; 1 MiB per partition per fetch (the default) holds about 5,000 events.
   */
  private static final int MAX_POLL_RECORDS = 2_000;
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final String consumerGroup;
  private final DataSource dataSource;
  private final BatchTimer batchTimer;
  private final BatchApplier applier;
  private final VersionSwitch versionSwitch;
  private final Thread thread;
  private volatile ConsumerLag lag = ConsumerLag.unknown("the consumer has not joined its group yet");
  /** Written after each poll (the consumer's thread), read by {@code /health/ready}. */
  private volatile int assignedPartitions;
  private final AtomicLong transientFailures = new AtomicLong();
  private final AtomicLong fencedBatches = new AtomicLong();
  private final PartitionFence fence = new PartitionFence();
  /** Assigned partitions not yet positioned from the database: paused until they are. */
  private final Set<TopicPartition> unpositioned = new HashSet<>();
  private volatile boolean running = true;
  private volatile boolean started;
  private Duration backoff = FIRST_BACKOFF;
  private long pausedUntilNanos;
  private boolean backingOff;

  public KafkaEventSource(String bootstrapServers, String consumerGroup, String topic, DataSource dataSource,
      EventDecoder decoder, DeadLetterTopic deadLetterTopic, Long snapshotPosition, BatchTimer batchTimer) {
    this.topic = topic;
    this.consumerGroup = consumerGroup;
    this.dataSource = dataSource;
    this.batchTimer = batchTimer;
    this.applier = new BatchApplier(decoder, deadLetterTopic, snapshotPosition);
    this.versionSwitch = new VersionSwitch(topic);
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, consumerGroup,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
        // The topic's partition count is user-service's to decide (USER_EVENTS_PARTITIONS); a consumer started
        // first must wait for the topic, not have the broker create it with its own num.partitions.
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
        // An instance killed holds its partitions until the group gives up on it: 10 s (Kafka's default is 45 s).
        // A pause longer than that makes it a zombie, whose batch PartitionFence rolls back.
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis(),
        ConsumerConfig.CLIENT_ID_CONFIG, "auth-service-" + consumerGroup),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "auth-consumer-" + topic);
  }

  @Override
  public void start() {
    started = true;
    thread.start();
  }

  @Override
  public long lag() {
    OptionalLong events = lag.events();
    return events.isPresent() ? events.getAsLong() : -1;
  }

  @Override
  public ConsumerLag consumerLag() {
    return lag;
  }

  @Override
  public Optional<String> notReadyBecause() {
    if (started && !thread.isAlive()) {
      return Optional.of("the Kafka consumer has stopped");
    }
    return assignedPartitions > 0 ? Optional.empty() : Optional.of(noPartitions());
  }

  private String noPartitions() {
    return "no partition of " + topic + " is assigned to this instance: it waits for consumer group " + consumerGroup
        + " to assign it some (after a restart, until the old member's session expires), or the group has more"
        + " members than the topic has partitions";
  }

  @Override
  public long transientFailures() {
    return transientFailures.get();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new FromDatabase());
      while (running) {
        positionFromDatabase();
        resumeAfterBackoff();
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        measureLag();
        if (!records.isEmpty()) {
          applyBatch(records);
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll: leave the loop.
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void applyBatch(ConsumerRecords<byte[], byte[]> records) {
    long start = System.nanoTime();
    try {
      Map<TopicPartition, Long> next = Transactions.inTransaction(dataSource, connection -> {
        fence.claim(connection, records.partitions());
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
          all.addAll(versionSwitch.notProcessedYet(connection, partition, records.records(partition)));
        }
        applier.apply(connection, all);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
          List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
          long nextOffset = batch.get(batch.size() - 1).offset() + 1;
          fence.store(connection, partition, nextOffset);
          offsets.put(partition, nextOffset);
        }
        return offsets;
      });
      fence.committed(next);
      batchTimer.committed(start);
      backoff = FIRST_BACKOFF;
      Map<TopicPartition, OffsetAndMetadata> hint = new HashMap<>();
      next.forEach((partition, offset) -> hint.put(partition, new OffsetAndMetadata(offset)));
      // Only a hint: a crash before (or a failure of) this commit loses nothing, the database has the offsets.
      consumer.commitAsync(hint, null);
    } catch (PartitionFence.FencedBatchException fenced) {
      repositionFenced(records.partitions(), fenced);
    } catch (Exception failure) {
      batchTimer.rolledBack(start);
      // Nothing of the batch committed: go back to its first records and try again after a pause. A poison
      // record never gets here (it is dead-lettered inside the batch), so this is a transient failure.
      for (TopicPartition partition : records.partitions()) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
      pauseAll(failure);
    }
  }

  /**
   * Nothing of the batch was applied: every partition of it starts again from what the database holds, which for
   * a partition another instance moved on is past this batch (or the partition is no longer ours, and the next
   * poll says so).
   */
  private void repositionFenced(Set<TopicPartition> batchPartitions, PartitionFence.FencedBatchException fenced) {
    fencedBatches.incrementAndGet();
    System.err.println("auth-service: " + fenced.getMessage() + "; positioning from the database again");
    Set<TopicPartition> again = new HashSet<>(batchPartitions);
    again.retainAll(consumer.assignment());
    consumer.pause(again);
    unpositioned.addAll(again);
  }

  private void positionFromDatabase() {
    if (unpositioned.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      for (TopicPartition partition : Set.copyOf(unpositioned)) {
        Optional<Long> stored = OffsetStore.find(connection, partition.topic(), partition.partition());
        fence.positioned(partition, stored);
        if (stored.isPresent()) {
          consumer.seek(partition, stored.get());
        } else {
          // Nothing stored: start from the beginning, whatever Kafka's committed offset says.
          consumer.seekToBeginning(List.of(partition));
        }
        versionSwitch.positioned(connection, partition);
        unpositioned.remove(partition);
        if (!backingOff) {
          consumer.resume(List.of(partition));
        }
      }
    } catch (Exception failure) {
      pauseAll(failure);
    }
  }

  private void pauseAll(Exception failure) {
    transientFailures.incrementAndGet();
    System.err.println("auth-service: transient failure, retrying in " + backoff.toMillis() + " ms: "
        + Failures.message(failure));
    consumer.pause(consumer.assignment());
    backingOff = true;
    pausedUntilNanos = System.nanoTime() + backoff.toNanos();
    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
  }

  private void resumeAfterBackoff() {
    if (backingOff && System.nanoTime() - pausedUntilNanos >= 0) {
      backingOff = false;
      Set<TopicPartition> ready = new HashSet<>(consumer.assignment());
      ready.removeAll(unpositioned);
      consumer.resume(ready);
    }
  }

  /** How many batches were rolled back because another instance had moved their partitions on. */
  @Override
  public long fencedBatches() {
    return fencedBatches.get();
  }

  /** Unknown, never 0, while this instance has no partitions or has fetched nothing yet from one of them. */
  private void measureLag() {
    Set<TopicPartition> assignment = consumer.assignment();
    assignedPartitions = assignment.size();
    if (assignment.isEmpty()) {
      lag = ConsumerLag.unknown(noPartitions());
      return;
    }
    Map<Integer, Long> byPartition = new HashMap<>();
    for (TopicPartition partition : assignment) {
      OptionalLong partitionLag = consumer.currentLag(partition);
      if (partitionLag.isEmpty()) {
        lag = ConsumerLag.unknown("the lag of " + partition + " is not known yet: nothing was fetched from it since"
            + " it was assigned");
        return;
      }
      byPartition.put(partition.partition(), partitionLag.getAsLong());
    }
    lag = ConsumerLag.of(byPartition);
  }

  @Override
  public void close() {
    running = false;
    if (!started) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every assignment is positioned from the database before any of its records is fetched. */
  private final class FromDatabase implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      consumer.pause(partitions);
      unpositioned.addAll(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      unpositioned.removeAll(partitions);
      fence.forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      unpositioned.removeAll(partitions);
      fence.forget(partitions);
    }
  }
}
