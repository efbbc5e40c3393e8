package dev.handshake.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Real producers and consumers on the test broker, configured from property maps as applications do. */
final class KafkaClients {
  static final Duration DEADLINE = Duration.ofSeconds(60);

  private KafkaClients() {
  }

  static Map<String, Object> producerProps(String bootstrap, Map<String, ?> serde) {
    Map<String, Object> props = new HashMap<>(serde);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return props;
  }

  static Map<String, Object> consumerProps(String bootstrap, Map<String, ?> serde) {
    Map<String, Object> props = new HashMap<>(serde);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return props;
  }

  /** Sends each record and waits for the broker's acknowledgement. */
  static <K, V> void produce(Map<String, Object> props, List<ProducerRecord<K, V>> records) {
    try (KafkaProducer<K, V> producer = new KafkaProducer<>(props)) {
      for (ProducerRecord<K, V> record : records) {
        producer.send(record).get();
      }
    } catch (Exception e) {
      throw new AssertionError("producing failed: " + e, e);
    }
  }

  /** Reads partition 0 of {@code topic} from the start until {@code expected} records came or the deadline. */
  static <K, V> List<ConsumerRecord<K, V>> consume(Map<String, Object> props, String topic, int expected) {
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
