package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
  private static final Map<String, Object> RAW = Map.of("key.serializer", ByteArraySerializer.class.getName(),
      "value.serializer", ByteArraySerializer.class.getName());

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
    KafkaClients.produce(KafkaClients.producerProps(bootstrap, RAW), List.of(
        new ProducerRecord<>(topic, bytes("u-1"), good), new ProducerRecord<>(topic, bytes("u-2"), notAvro),
        new ProducerRecord<>(topic, bytes("u-3"), hugeLength), new ProducerRecord<>(topic, bytes("u-1"), good)));

    List<String> handled = consumeWithDeadLetters(topic, Map.of(), 2);

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

  /** The records of issue 20 that once killed the polling thread are poison like any other. */
  @Test
  void recordsBeyondTheDecodeLimitsOrWithBadLogicalValuesAreDeadLetteredAndThePollLoopGoesOn() {
    String topic = "user-events-with-hostile-shapes";
    String bootstrap = SERVERS.kafka().bootstrapServers();
    byte[] good = DeserializerFailureTest.serialize(SerdeRoundTripTest.created("u-1", dev.handshake.example.user
        .UserStatus.ACTIVE));
    String registry = SERVERS.registryUrl();
    byte[] nulls = HostileShapes.NULL_ARRAY.frame(registry, HostileShapes.NULL_ARRAY.blocksClaimingEveryByteLeft(
        HostileShapes.Position.KEPT, 10 * 1024));
    byte[] deep = HostileShapes.RECURSION.frame(registry, HostileShapes.RECURSION.nestedPayload(
        HostileShapes.Position.KEPT, 2_000));
    byte[] badUuid = HostileShapes.UUID_STRING.frame(registry, HostileShapes.UUID_STRING.payloadWith(
        HostileShapes.Position.KEPT, out -> out.string("not-a-uuid")));
    KafkaClients.produce(KafkaClients.producerProps(bootstrap, RAW), List.of(
        new ProducerRecord<>(topic, bytes("u-1"), good), new ProducerRecord<>(topic, bytes("x-1"), nulls),
        new ProducerRecord<>(topic, bytes("x-2"), deep), new ProducerRecord<>(topic, bytes("x-3"), badUuid),
        new ProducerRecord<>(topic, bytes("u-1"), good)));

    List<String> handled = consumeWithDeadLetters(topic,
        Map.of(HandshakeSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, "true"), 2);

    assertThat(handled).containsExactly("u-1:u-1@example.com", "u-1:u-1@example.com");
    Map<String, Object> dltConsumer = KafkaClients.consumerProps(bootstrap, Map.of(
        "key.deserializer", ByteArrayDeserializer.class.getName(),
        "value.deserializer", ByteArrayDeserializer.class.getName()));
    List<ConsumerRecord<byte[], byte[]>> dead = KafkaClients.consume(dltConsumer, topic + ".dlt", 3);
    assertThat(dead).extracting(ConsumerRecord::value).containsExactly(nulls, deep, badUuid);
    assertThat(dead).extracting(record -> text(record, DeadLetterHeaders.EXCEPTION_FQCN)).containsExactly(
        DecodeLimitExceededException.class.getName(), DecodeLimitExceededException.class.getName(),
        InvalidLogicalValueException.class.getName());
    assertThat(dead).extracting(record -> ByteBuffer.wrap(header(record, DeadLetterHeaders.ORIGINAL_OFFSET))
        .getLong()).containsExactly(1L, 2L, 3L);
  }

  /**
   * The documented poll loop over {@code topic} until {@code expected} records were handled (as "key:email"),
   * dead-lettering to {@code topic}.dlt.
   */
  private static List<String> consumeWithDeadLetters(String topic, Map<String, Object> serde, int expected) {
    String deadLetterTopic = topic + ".dlt";
    String bootstrap = SERVERS.kafka().bootstrapServers();
    List<String> handled = new ArrayList<>();
    Map<String, Object> deserializers = new HashMap<>(serde);
    deserializers.putAll(Map.of("key.deserializer", StringDeserializer.class.getName(),
        "value.deserializer", HandshakeAvroDeserializer.class.getName(),
        HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl()));
    Map<String, Object> consumerProps = KafkaClients.consumerProps(bootstrap, deserializers);
    Map<String, Object> dltProps = KafkaClients.producerProps(bootstrap, RAW);
    long deadline = System.nanoTime() + KafkaClients.DEADLINE.toNanos();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerProps);
         KafkaProducer<byte[], byte[]> dltProducer = new KafkaProducer<>(dltProps)) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      // doc:dead-letter-loop
      DeadLetterPublisher deadLetters = new DeadLetterPublisher(dltProducer, deadLetterTopic);
      while (handled.size() < expected && System.nanoTime() < deadline) {
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

    return handled;
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
