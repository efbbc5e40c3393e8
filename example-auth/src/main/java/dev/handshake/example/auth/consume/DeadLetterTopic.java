package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes poison records to {@code <topic>-dlt}: the original key, value and headers byte for byte, on the same
 * partition number, plus Spring Kafka's {@code kafka_dlt-*} headers in Spring's encodings (partition as a 4-byte
 * big-endian int; offset and timestamp as 8-byte big-endian longs; the rest UTF-8), so tools written for Spring's
 * DeadLetterPublishingRecoverer read them.
 */
public final class DeadLetterTopic implements AutoCloseable {
  public static final String SUFFIX = "-dlt";
  public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  public static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
  public static final String ORIGINAL_TIMESTAMP_TYPE = "kafka_dlt-original-timestamp-type";
  public static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
  public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
  public static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
  public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<byte[], byte[]> producer;
  private final String consumerGroup;
  private final String bootstrapServers;

  public DeadLetterTopic(String bootstrapServers, String consumerGroup) {
    this.consumerGroup = consumerGroup;
    this.bootstrapServers = bootstrapServers;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.CLIENT_ID_CONFIG, "auth-service-dlt"), new ByteArraySerializer(), new ByteArraySerializer());
  }

  public static String nameFor(String topic) {
    return topic + SUFFIX;
  }

  /**
   * Creates {@code <topic>-dlt} with as many partitions as {@code topic} when the topic exists and its dead-letter
   * topic does not, so every dead letter can keep its partition number. Best effort: without it the broker's
   * auto-creation applies, and {@link #publish} falls back to the key's partition.
   */
  public void ensureTopicFor(String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!existing.contains(topic) || existing.contains(nameFor(topic))) {
        return;
      }
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
      admin.createTopics(List.of(new NewTopic(nameFor(topic), Optional.of(partitions), Optional.empty())))
          .all().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("auth-service: could not create " + nameFor(topic) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The dead letter for {@code record}, failed with {@code failure}, as auth stores and publishes it. */
  public static DeadLetter letterFor(ConsumerRecord<byte[], byte[]> record, Throwable failure) {
    List<DeadLetter.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new DeadLetter.Header(header.key(), header.value()));
    }
    return new DeadLetter(0, record.topic(), record.partition(), record.offset(), record.timestamp(),
        record.timestampType().name(), record.key(), record.value(), headers, failure.getClass().getName(),
        Failures.message(failure), 0);
  }

  /** Sends and waits for the broker's acknowledgement; a failure to publish is transient (retry the batch). */
  public void publish(DeadLetter letter, Throwable failure) {
    String target = nameFor(letter.topic());
    Integer partition = letter.partition() < producer.partitionsFor(target).size() ? letter.partition() : null;
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(target, partition, null, letter.key(),
        letter.value());
    for (DeadLetter.Header header : letter.headers()) {
      out.headers().add(new RecordHeader(header.name(), header.value()));
    }
    out.headers()
        .add(ORIGINAL_TOPIC, utf8(letter.topic()))
        .add(ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(letter.partition()).array())
        .add(ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(letter.offset()).array())
        .add(ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(letter.timestamp()).array())
        .add(ORIGINAL_TIMESTAMP_TYPE, utf8(letter.timestampType()))
        .add(ORIGINAL_CONSUMER_GROUP, utf8(consumerGroup))
        .add(EXCEPTION_FQCN, utf8(failure.getClass().getName()))
        .add(EXCEPTION_MESSAGE, utf8(Failures.message(failure)));
    if (failure.getCause() != null) {
      out.headers().add(EXCEPTION_CAUSE_FQCN, utf8(failure.getCause().getClass().getName()));
    }
    try {
      producer.send(out).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new TransientFailureException("Could not publish the dead letter of " + letter.topic() + "-"
          + letter.partition() + "@" + letter.offset() + " to " + nameFor(letter.topic()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailureException("Interrupted while publishing a dead letter", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
