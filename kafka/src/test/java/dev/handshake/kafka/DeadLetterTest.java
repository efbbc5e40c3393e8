package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dead-letter pattern of docs/kafka.md on the real broker: bad records between good ones are sent, byte for
 * byte, to a dead-letter topic and skipped, and the good ones are all handled, in order.
 */
class DeadLetterTest {
  @RegisterExtension
  static final SharedServers SERVERS = new SharedServers();

  @Test
  void badRecordsGoToTheDeadLetterTopicAndThePollLoopGoesOn() {
    String topic = "user-events-with-poison";
    String deadLetterTopic = topic + ".dlt";
    String bootstrap = SERVERS.kafka().bootstrapServers();
    byte[] good = DeserializerFailureTest.serialize(SerdeRoundTripTest.created("u-1", dev.handshake.example.user
        .UserStatus.ACTIVE));
    byte[] notAvro = "{\"userId\":\"u-2\"}".getBytes(StandardCharsets.UTF_8);
    byte[] hugeLength = Arrays.copyOf(good, good.length);
    hugeLength[5] = (byte) 0xfe; // the first string's length becomes a varint running into the next bytes
    Map<String, Object> raw = Map.of("key.serializer", ByteArraySerializer.class.getName(),
        "value.serializer", ByteArraySerializer.class.getName());
    KafkaClients.produce(KafkaClients.producerProps(bootstrap, raw), List.of(
        new ProducerRecord<>(topic, bytes("u-1"), good), new ProducerRecord<>(topic, bytes("u-2"), notAvro),
        new ProducerRecord<>(topic, bytes("u-3"), hugeLength), new ProducerRecord<>(topic, bytes("u-1"), good)));

    List<String> handled = new ArrayList<>();
    Map<String, Object> consumerProps = KafkaClients.consumerProps(bootstrap, Map.of(
        "key.deserializer", StringDeserializer.class.getName(),
        "value.deserializer", HandshakeAvroDeserializer.class.getName(),
        HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl()));
    Map<String, Object> dltProps = KafkaClients.producerProps(bootstrap, raw);
    long deadline = System.nanoTime() + KafkaClients.DEADLINE.toNanos();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerProps);
         KafkaProducer<byte[], byte[]> dltProducer = new KafkaProducer<>(dltProps)) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      // doc:dead-letter-loop
      DeadLetterPublisher deadLetters = new DeadLetterPublisher(dltProducer, deadLetterTopic);
      while (handled.size() < 2 && System.nanoTime() < deadline) {
        try {
          for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
            handled.add(record.key() + ":" + ((GenericRecord) record.value()).get("email"));
          }
        } catch (RecordDeserializationException e) {
          deadLetters.handle(e, consumer); // skipped unless transient (then the next poll retries it)
        }
      }
      // doc:end
    }

    assertThat(handled).containsExactly("u-1:u-1@example.com", "u-1:u-1@example.com");
    Map<String, Object> dltConsumer = KafkaClients.consumerProps(bootstrap, Map.of(
        "key.deserializer", ByteArrayDeserializer.class.getName(),
        "value.deserializer", ByteArrayDeserializer.class.getName()));
    List<ConsumerRecord<byte[], byte[]>> dead = KafkaClients.consume(dltConsumer, deadLetterTopic, 2);
    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).value()).containsExactly(notAvro);
    assertThat(dead.get(0).key()).containsExactly(bytes("u-2"));
    assertThat(dead.get(1).value()).containsExactly(hugeLength);
    assertThat(text(dead.get(0), DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(ByteBuffer.wrap(header(dead.get(0), DeadLetterHeaders.ORIGINAL_PARTITION)).getInt()).isZero();
    assertThat(ByteBuffer.wrap(header(dead.get(0), DeadLetterHeaders.ORIGINAL_OFFSET)).getLong()).isEqualTo(1);
    assertThat(text(dead.get(0), DeadLetterHeaders.EXCEPTION_FQCN))
        .isEqualTo(UnknownMagicByteException.class.getName());
    assertThat(text(dead.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
    assertThat(dead.get(0).headers().lastHeader(DeadLetterHeaders.KEY_EXCEPTION_FQCN)).isNull();
    assertThat(ByteBuffer.wrap(header(dead.get(1), DeadLetterHeaders.ORIGINAL_OFFSET)).getLong()).isEqualTo(2);
    assertThat(text(dead.get(1), DeadLetterHeaders.EXCEPTION_FQCN))
        .isEqualTo(LengthBeyondPayloadException.class.getName());
  }

  private static byte[] header(ConsumerRecord<byte[], byte[]> record, String name) {
    assertThat(record.headers().lastHeader(name)).as(name).isNotNull();
    return record.headers().lastHeader(name).value();
  }

  private static String text(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(header(record, name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
