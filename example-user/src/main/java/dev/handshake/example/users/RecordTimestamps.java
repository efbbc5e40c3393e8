package dev.handshake.example.users;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The broker timestamp of the record at an offset: the relay's producer sets it when it sends (CreateTime), so
 * {@code now - timestamp} of the first record a group has not consumed is how long that event has waited for it.
 * Chosen over the outbox's {@code sent_at} (looked up by the record's {@code position} header) because it needs the
 * same one read and also holds for records the outbox has since purged. A consumer without a group, so it commits
 * nothing and joins nothing; only the record's metadata is used.
 */
final class RecordTimestamps implements AutoCloseable {
  /** How long to wait for the one record; past it the age is unknown (the lag still stands). */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  private final KafkaConsumer<byte[], byte[]> consumer;

  RecordTimestamps(String bootstrapServers) {
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, "user-service-consumer-watch",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        // A committed offset below the log start (retention) reads the oldest record still there.
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The timestamp (epoch millis) of the record at {@code offset} of {@code partition}, or the next one there. */
  Optional<Long> at(TopicPartition partition, long offset) {
    consumer.assign(List.of(partition));
    consumer.seek(partition, offset);
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        if (record.partition() == partition.partition() && record.offset() >= offset) {
          return Optional.of(record.timestamp());
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
