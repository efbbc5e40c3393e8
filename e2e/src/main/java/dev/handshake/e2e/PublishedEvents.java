package dev.handshake.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What one of user-service's topics holds, read from the beginning to its end as the broker has it now, without a
 * consumer group (nothing committed, no group to clean up): each event's {@code id} header with its {@code position}.
 */
final class PublishedEvents {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private PublishedEvents() {
  }

  /** Event id → position, for every record of {@code topic}. */
  static Map<String, Long> positionsById(String bootstrapServers, String topic) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, DEADLINE).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      StorySteps.check(!partitions.isEmpty(), "topic " + topic + " does not exist");
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
      Map<String, Long> positions = new TreeMap<>();
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!reached(consumer, end)) {
        StorySteps.check(System.nanoTime() - deadline < 0, "could not read " + topic + " to its end " + end
            + " within " + DEADLINE.toSeconds() + " s");
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          positions.put(header(record, "id"), Long.parseLong(header(record, "position")));
        }
      }
      return positions;
    }
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> behind = new HashMap<>(end);
    behind.entrySet().removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    return behind.isEmpty();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    StorySteps.check(header != null, record.topic() + "-" + record.partition() + "@" + record.offset()
        + " has no " + name + " header");
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
