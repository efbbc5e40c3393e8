package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.avro.WireFormat;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserStatus;
import dev.handshake.testsupport.ApicurioRegistryProcess;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Handshake's serde against Apicurio's (2.4.x) in Confluent mode (no headers, 4-byte ids, content ids), both on
 * one Apicurio Registry: each writes, the other reads, generic and specific records. Bytes agree with a serde
 * no one here wrote, through the registry's two APIs (ccompat for ours, v2 for theirs).
 */
class ApicurioCrossCheckTest {
  static ApicurioRegistryProcess apicurio;

  @BeforeAll
  static void startApicurio() {
    apicurio = ApicurioRegistryProcess.start();
  }

  @AfterAll
  static void stopApicurio() {
    if (apicurio != null) {
      apicurio.close();
    }
  }

  @Test
  void handshakeWritesGenericAndApicurioReadsIt() {
    GenericRecord record = genericCreated("u-10");
    byte[] bytes = handshakeSerializer().serialize("ours-generic", record);

    Object read = apicurioDeserializer(false).deserialize("ours-generic", bytes);

    assertThat(read).isInstanceOf(GenericRecord.class).hasToString(record.toString());
  }

  @Test
  void handshakeWritesSpecificAndApicurioReadsItAsTheGeneratedClass() {
    UserCreated created = SerdeRoundTripTest.created("u-11", UserStatus.SUSPENDED);
    byte[] bytes = handshakeSerializer().serialize("ours-specific", created);

    assertThat(apicurioDeserializer(true).deserialize("ours-specific", bytes)).isEqualTo(created);
  }

  @Test
  void apicurioWritesGenericAndHandshakeReadsIt() {
    GenericRecord record = genericCreated("u-12");
    byte[] bytes = apicurioSerializer().serialize("theirs-generic", record);

    assertThat(bytes[0]).as("Confluent framing: magic byte, no headers").isZero();
    Object read = handshakeDeserializer(false).deserialize("theirs-generic", bytes);
    assertThat(read).isInstanceOf(GenericRecord.class).hasToString(record.toString());
    assertThat(WireFormat.payload(bytes)).as("the same Avro payload after the header")
        .isEqualTo(WireFormat.payload(handshakeSerializer().serialize("theirs-generic", record)));
  }

  @Test
  void apicurioWritesSpecificAndHandshakeReadsItAsTheGeneratedClass() {
    UserCreated created = SerdeRoundTripTest.created("u-13", UserStatus.ACTIVE);
    byte[] bytes = apicurioSerializer().serialize("theirs-specific", created);

    assertThat(handshakeDeserializer(true).deserialize("theirs-specific", bytes)).isEqualTo(created);
  }

  static GenericRecord genericCreated(String userId) {
    GenericRecord record = new GenericData.Record(UserCreated.getClassSchema());
    record.put("eventId", "5b8e1a52-8f0e-4c7e-9a44-" + String.format("%012d", userId.hashCode() & 0xffff));
    record.put("userId", userId);
    record.put("email", userId + "@example.com");
    record.put("displayName", "Name");
    record.put("status", new GenericData.EnumSymbol(UserCreated.getClassSchema().getField("status").schema(),
        "ACTIVE"));
    record.put("version", 1L);
    record.put("occurredAt", 1_700_000_000_000L);
    return record;
  }

  static HandshakeAvroSerializer handshakeSerializer() {
    HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
    serializer.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, apicurio.baseUrl()), false);
    return serializer;
  }

  static HandshakeAvroDeserializer handshakeDeserializer(boolean specific) {
    HandshakeAvroDeserializer deserializer = new HandshakeAvroDeserializer();
    deserializer.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, apicurio.baseUrl(),
        HandshakeSerdeConfig.SPECIFIC_AVRO_READER, String.valueOf(specific)), false);
    return deserializer;
  }

  static AvroKafkaSerializer<Object> apicurioSerializer() {
    AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
    serializer.configure(apicurio.confluentModeSerdeConfig(), false);
    return serializer;
  }

  static AvroKafkaDeserializer<Object> apicurioDeserializer(boolean specific) {
    Map<String, Object> config = apicurio.confluentModeSerdeConfig();
    config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, String.valueOf(specific));
    AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
    deserializer.configure(config, false);
    return deserializer;
  }
}
