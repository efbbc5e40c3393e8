package dev.handshake.kafka;

import dev.handshake.kafka.DeadLetterHeaders.FailedPart;
import dev.handshake.kafka.DeadLetterHeaders.Origin;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Headers;

/**
 * The consumer side of a record the deserializer could not read (KIP-1036): Kafka's
 * {@link RecordDeserializationException} carries its partition, offset and raw key and value; this sends those
 * bytes unchanged to a dead-letter topic, with Spring Kafka's {@link DeadLetterHeaders} saying where they came from
 * and why they failed (a key's failure under Spring's {@code kafka_dlt-key-exception-*} names), and
 * seeks past the record so the poll loop goes on. A transient failure (the registry unreachable) is not
 * dead-lettered: the caller polls again and the same record is retried.
 *
 * <pre>{@code
 * try {
 *     for (ConsumerRecord<String, Object> record : consumer.poll(timeout)) { handle(record); }
 * } catch (RecordDeserializationException e) {
 *     deadLetters.handle(e, consumer);
 * }
 * }</pre>
 */
public final class DeadLetterPublisher {
  private final Producer<byte[], byte[]> producer;
  private final String deadLetterTopic;

  /** {@code producer} writes raw bytes ({@code ByteArraySerializer} for key and value). */
  public DeadLetterPublisher(Producer<byte[], byte[]> producer, String deadLetterTopic) {
    this.producer = producer;
    this.deadLetterTopic = deadLetterTopic;
  }

  /**
   * Dead-letters the record and seeks past it, unless the failure is transient.
   *
   * @return true when the record was dead-lettered and skipped; false when it is to be retried
   */
  public boolean handle(RecordDeserializationException failure, Consumer<?, ?> consumer) {
    if (failure.getCause() instanceof HandshakeSerdeException serde && serde.isTransient()) {
      return false;
    }
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    Origin origin = new Origin(failure.topicPartition().topic(), failure.topicPartition().partition(),
        failure.offset(), failure.timestamp(), failure.timestampType(), consumerGroup(consumer));
    FailedPart part = failure.origin() == RecordDeserializationException.DeserializationExceptionOrigin.KEY
        ? FailedPart.KEY : FailedPart.VALUE;
    Headers headers = DeadLetterHeaders.of(failure.headers() == null ? List.of() : failure.headers(), origin, part,
        cause, cause.getMessage());
    Long timestamp = failure.timestamp() >= 0 ? failure.timestamp() : null;
    ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(deadLetterTopic, null, timestamp,
        bytes(failure.keyBuffer()), bytes(failure.valueBuffer()), headers);
    try {
      producer.send(dead).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while dead-lettering offset " + failure.offset() + " of "
          + failure.topicPartition(), e);
    } catch (ExecutionException e) {
      // Not acknowledged: do not skip, or the record would be lost. The next poll fails on it again.
      throw new IllegalStateException("Could not dead-letter offset " + failure.offset() + " of "
          + failure.topicPartition() + " to " + deadLetterTopic + ": " + e.getCause(), e.getCause());
    }
    consumer.seek(failure.topicPartition(), failure.offset() + 1);
    return true;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** The consumer's group, or null when it has none (an assign()-only consumer without group.id). */
  private static String consumerGroup(Consumer<?, ?> consumer) {
    try {
      return consumer.groupMetadata().groupId();
    } catch (InvalidGroupIdException noGroup) {
      return null;
    }
  }
}
