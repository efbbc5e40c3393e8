package dev.handshake.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * The one definition of the headers a dead letter carries: Spring Kafka's {@code kafka_dlt-*} names in the
 * encodings of Spring's {@code DeadLetterPublishingRecoverer} (partition as a 4-byte big-endian int, offset and
 * timestamp as 8-byte big-endian longs, timestamp type as {@link TimestampType#toString()}, the rest UTF-8), so
 * tools written for Spring's dead-letter topics read ours. The original record's headers come first, byte for byte
 * and in order.
 */
public final class DeadLetterHeaders {
  public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  public static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
  public static final String ORIGINAL_TIMESTAMP_TYPE = "kafka_dlt-original-timestamp-type";
  public static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
  public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
  public static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
  public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  /** Spring's names for a failure to deserialize the key rather than the value. */
  public static final String KEY_EXCEPTION_FQCN = "kafka_dlt-key-exception-fqcn";
  public static final String KEY_EXCEPTION_MESSAGE = "kafka_dlt-key-exception-message";

  /** Which part of the record failed: Spring names a key's failure apart from a value's. */
  public enum FailedPart { KEY, VALUE }

  /**
   * Where the failed record was read. {@code consumerGroup} is null when the consumer had none (Spring then
   * leaves its header out).
   */
  public record Origin(String topic, int partition, long offset, long timestamp, TimestampType timestampType,
      String consumerGroup) {
  }

  private DeadLetterHeaders() {
  }

  /**
   * The original headers followed by the dead-letter headers for {@code failure}. {@code message} is the text
   * recorded for the failure; null leaves the message header out, as Spring does for an exception without one.
   */
  public static Headers of(Iterable<? extends Header> originalHeaders, Origin origin, FailedPart failedPart,
      Throwable failure, String message) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : originalHeaders) {
      headers.add(new RecordHeader(header.key(), header.value()));
    }
    headers.add(ORIGINAL_TOPIC, utf8(origin.topic()))
        .add(ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(origin.partition()).array())
        .add(ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(origin.offset()).array())
        .add(ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(origin.timestamp()).array())
        .add(ORIGINAL_TIMESTAMP_TYPE, utf8(origin.timestampType().toString()));
    if (origin.consumerGroup() != null) {
      headers.add(ORIGINAL_CONSUMER_GROUP, utf8(origin.consumerGroup()));
    }
    boolean key = failedPart == FailedPart.KEY;
    headers.add(key ? KEY_EXCEPTION_FQCN : EXCEPTION_FQCN, utf8(failure.getClass().getName()));
    if (!key && failure.getCause() != null) {
      headers.add(EXCEPTION_CAUSE_FQCN, utf8(failure.getCause().getClass().getName()));
    }
    if (message != null) {
      headers.add(key ? KEY_EXCEPTION_MESSAGE : EXCEPTION_MESSAGE, utf8(message));
    }
    return headers;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
