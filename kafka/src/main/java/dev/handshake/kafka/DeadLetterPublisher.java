package dev.handshake.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The consumer side of a record the deserializer could not read (KIP-1036): Kafka's
 * {@link RecordDeserializationException} carries its partition, offset and raw key and value; this sends those
 * bytes unchanged to a dead-letter topic, with headers saying where they came from and why they failed, and
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
  public static final String HEADER_PREFIX = "handshake.dlt.";
  public static final String ORIGINAL_TOPIC = HEADER_PREFIX + "original.topic";
  public static final String ORIGINAL_PARTITION = HEADER_PREFIX + "original.partition";
  public static final String ORIGINAL_OFFSET = HEADER_PREFIX + "original.offset";
  public static final String ORIGIN = HEADER_PREFIX + "origin";
  public static final String EXCEPTION = HEADER_PREFIX + "exception";
  public static final String MESSAGE = HEADER_PREFIX + "message";

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
    RecordHeaders headers = new RecordHeaders();
    if (failure.headers() != null) {
      for (Header header : failure.headers()) {
        headers.add(header);
      }
    }
    headers.add(ORIGINAL_TOPIC, utf8(failure.topicPartition().topic()));
    headers.add(ORIGINAL_PARTITION, utf8(String.valueOf(failure.topicPartition().partition())));
    headers.add(ORIGINAL_OFFSET, utf8(String.valueOf(failure.offset())));
    headers.add(ORIGIN, utf8(failure.origin() == null ? "UNKNOWN" : failure.origin().name()));
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    headers.add(EXCEPTION, utf8(cause.getClass().getName()));
    headers.add(MESSAGE, utf8(String.valueOf(cause.getMessage())));
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

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
