package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserStatus;
import dev.handshake.example.user.UserUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Produce and consume through the real broker with the embedded registry, as the example services do. */
class SerdeRoundTripTest {
  @RegisterExtension
  static final SharedServers SERVERS = new SharedServers();

  @Test
  void genericRecordWithTopicNameStrategyAndAutoRegistration() {
    String topic = "generic-roundtrip";
    GenericRecord deleted = new GenericData.Record(UserDeleted.getClassSchema());
    deleted.put("eventId", UUID.randomUUID().toString());
    deleted.put("userId", "u-1");
    deleted.put("email", "a@example.com");
    deleted.put("version", 3L);
    deleted.put("occurredAt", 1_700_000_000_000L);
    Map<String, Object> serde = Map.of(
        "key.serializer", StringSerializer.class.getName(),
        "value.serializer", HandshakeAvroSerializer.class.getName(),
        "key.deserializer", StringDeserializer.class.getName(),
        "value.deserializer", HandshakeAvroDeserializer.class.getName(),
        HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl());

    KafkaClients.produce(KafkaClients.producerProps(SERVERS.kafka().bootstrapServers(), serde),
        List.of(new ProducerRecord<>(topic, "u-1", deleted), new ProducerRecord<>(topic, "u-1", null)));
    List<ConsumerRecord<String, Object>> records =
        KafkaClients.consume(KafkaClients.consumerProps(SERVERS.kafka().bootstrapServers(), serde), topic, 2);

    assertThat(records).hasSize(2);
    assertThat(records.get(0).value()).isInstanceOf(GenericRecord.class).isEqualTo(deleted);
    assertThat(records.get(1).value()).as("tombstone").isNull();
    assertThat(RestSchemaRegistry.of(SERVERS.registryUrl()).subjects()).contains(topic + "-value");
  }

  @Test
  void specificRecordsReadBackAsTheirGeneratedClasses() {
    String topic = "specific-roundtrip";
    UserCreated created = created("u-2", UserStatus.ACTIVE);
    Map<String, Object> serde = Map.of(
        "key.serializer", StringSerializer.class.getName(),
        "value.serializer", HandshakeAvroSerializer.class.getName(),
        "key.deserializer", StringDeserializer.class.getName(),
        "value.deserializer", HandshakeAvroDeserializer.class.getName(),
        HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl(),
        HandshakeSerdeConfig.SPECIFIC_AVRO_READER, "true");

    KafkaClients.produce(KafkaClients.producerProps(SERVERS.kafka().bootstrapServers(), serde),
        List.of(new ProducerRecord<>(topic, "u-2", created)));
    List<ConsumerRecord<String, Object>> records =
        KafkaClients.consume(KafkaClients.consumerProps(SERVERS.kafka().bootstrapServers(), serde), topic, 1);

    assertThat(records).hasSize(1);
    assertThat(records.get(0).value()).isInstanceOf(UserCreated.class).isEqualTo(created);
  }

  /**
   * The example's relay and auth-service: schemas registered beforehand under their record names, the producer
   * never registers, and the consumer reads three event types from one topic, each with its own reader.
   */
  @Test
  void relayWritesPreRegisteredEventsAndAuthReadsEachWithItsOwnReader() {
    String topic = "user-events-relay";
    RestSchemaRegistry registry = RestSchemaRegistry.of(SERVERS.registryUrl());
    for (Schema schema : List.of(UserCreated.getClassSchema(), UserUpdated.getClassSchema(),
        UserDeleted.getClassSchema())) {
      registry.register(schema.getFullName(), RegistrySchema.of(schema.toString()));
    }
    Map<String, Object> producer = Map.of(
        "key.serializer", StringSerializer.class.getName(),
        "value.serializer", HandshakeAvroSerializer.class.getName(),
        HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl(),
        HandshakeSerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
        HandshakeSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy");
    Map<String, Object> consumer = Map.of(
        "key.deserializer", StringDeserializer.class.getName(),
        "value.deserializer", HandshakeAvroDeserializer.class.getName(),
        HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl(),
        HandshakeSerdeConfig.READER_SCHEMAS, "../example-auth/src/main/avro");
    UserUpdated updated = UserUpdated.newBuilder().setEventId(UUID.randomUUID()).setUserId("u-3")
        .setEmail("new@example.com").setDisplayName("New").setStatus(UserStatus.SUSPENDED).setVersion(2)
        .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
    UserDeleted deleted = UserDeleted.newBuilder().setEventId(UUID.randomUUID()).setUserId("u-3")
        .setEmail("new@example.com").setVersion(3).setOccurredAt(Instant.ofEpochMilli(1_700_000_000_001L)).build();
    List<SpecificRecord> events = List.of(created("u-3", UserStatus.ACTIVE), updated, deleted);

    KafkaClients.produce(KafkaClients.producerProps(SERVERS.kafka().bootstrapServers(), producer),
        events.stream().map(event -> new ProducerRecord<String, Object>(topic, "u-3", event)).toList());
    List<ConsumerRecord<String, Object>> records =
        KafkaClients.consume(KafkaClients.consumerProps(SERVERS.kafka().bootstrapServers(), consumer), topic, 3);

    assertThat(records).extracting(record -> ((GenericRecord) record.value()).getSchema().getDoc())
        .allMatch(doc -> doc.startsWith("auth-service's reader"));
    assertThat(records).extracting(record -> ((GenericRecord) record.value()).getSchema().getName())
        .containsExactly("UserCreated", "UserUpdated", "UserDeleted");
    GenericRecord readUpdate = (GenericRecord) records.get(1).value();
    assertThat(readUpdate.get("email").toString()).isEqualTo("new@example.com");
    assertThat(readUpdate.get("status").toString()).isEqualTo("SUSPENDED");
    assertThat(readUpdate.hasField("displayName")).as("auth's reader has no displayName").isFalse();
  }

  static UserCreated created(String userId, UserStatus status) {
    return UserCreated.newBuilder().setEventId(UUID.randomUUID()).setUserId(userId)
        .setEmail(userId + "@example.com").setDisplayName("Name " + userId).setStatus(status).setVersion(1)
        .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
  }
}
