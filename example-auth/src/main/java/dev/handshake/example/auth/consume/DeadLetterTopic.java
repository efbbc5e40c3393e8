package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.DeadLetter;
import dev.handshake.kafka.DeadLetterHeaders;
import dev.handshake.kafka.DeadLetterHeaders.FailedPart;
import dev.handshake.kafka.DeadLetterHeaders.Origin;
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
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes poison records to {@code <topic>-dlt}: the original key, value and headers byte for byte, on the same
 * partition number, plus Spring Kafka's {@code kafka_dlt-*} headers as the serde module's {@link DeadLetterHeaders}
 * defines them, so tools written for Spring's DeadLetterPublishingRecoverer read them. auth's failures are about
 * the value (or the record as a whole), so they go under Spring's value exception names.
 */
public final class DeadLetterTopic implements AutoCloseable {
  public static final String SUFFIX = "-dlt";
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
    List<Header> original = new ArrayList<>();
    for (DeadLetter.Header header : letter.headers()) {
      original.add(new RecordHeader(header.name(), header.value()));
    }
    Origin origin = new Origin(letter.topic(), letter.partition(), letter.offset(), letter.timestamp(),
        TimestampType.valueOf(letter.timestampType()), consumerGroup);
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(target, partition, null, letter.key(), letter.value(),
        DeadLetterHeaders.of(original, origin, FailedPart.VALUE, failure, Failures.message(failure)));
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

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
