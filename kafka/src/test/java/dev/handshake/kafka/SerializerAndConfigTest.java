package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserStatus;
import dev.handshake.registry.RegistryServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SerializerAndConfigTest {
  @RegisterExtension
  static final SharedServers SERVERS = new SharedServers();

  @Test
  void primitivesRoundTripAsConfluentWritesThem() {
    HandshakeAvroSerializer serializer = serializer(Map.of(), true);
    HandshakeAvroDeserializer deserializer = deserializer(Map.of(), true);
    for (Object value : List.of("user-1", 42, 42L, true, 1.5f, 2.25d)) {
      // one topic per type: the registry (rightly) refuses int after string under one subject
      String topic = "primitive-" + value.getClass().getSimpleName();
      assertThat(deserializer.deserialize(topic, serializer.serialize(topic, value))).isEqualTo(value);
    }
    byte[] raw = {1, 2, 3};
    byte[] framed = serializer.serialize("primitives", raw);
    assertThat(WireFormat.payload(framed)).as("bytes are written as is, no Avro length prefix").containsExactly(raw);
    assertThat((byte[]) deserializer.deserialize("primitives", framed)).containsExactly(raw);
    assertThat((byte[]) deserializer.deserialize("primitives",
        serializer.serialize("primitives", ByteBuffer.wrap(raw)))).containsExactly(raw);
    assertThat(RestSchemaRegistry.of(SERVERS.registryUrl()).subjects()).contains("primitives-key", "primitive-String-key", "primitive-Long-key");
  }

  @Test
  void logicalTypeConvertersTurnTimestampsIntoInstantsBothWays() {
    Map<String, Object> converting = Map.of(HandshakeSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, "true");
    GenericRecord deleted = new org.apache.avro.generic.GenericData.Record(
        dev.handshake.example.user.UserDeleted.getClassSchema());
    deleted.put("eventId", java.util.UUID.randomUUID());
    deleted.put("userId", "u-5");
    deleted.put("email", "u-5@example.com");
    deleted.put("version", 2L);
    deleted.put("occurredAt", java.time.Instant.ofEpochMilli(1_700_000_000_123L));

    byte[] framed = serializer(converting, false).serialize("converted", deleted);
    GenericRecord read = (GenericRecord) deserializer(converting, false).deserialize("converted", framed);
    GenericRecord raw = (GenericRecord) deserializer(Map.of(), false).deserialize("converted", framed);

    assertThat(read.get("occurredAt")).isEqualTo(java.time.Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(raw.get("occurredAt")).isEqualTo(1_700_000_000_123L);
    assertThatThrownBy(() -> serializer(Map.of(), false).serialize("converted", deleted))
        .as("without converters a generic record must hold the underlying long, as with Confluent's default")
        .isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serializer(Map.of(), false).serialize("tombstones", null)).isNull();
    assertThat(deserializer(Map.of(), false).deserialize("tombstones", null)).isNull();
  }

  @Test
  void subjectStrategiesByShortHandshakeAndConfluentNames() {
    UserCreated created = SerdeRoundTripTest.created("u-9", UserStatus.ACTIVE);
    RestSchemaRegistry registry = RestSchemaRegistry.of(SERVERS.registryUrl());

    serializer(Map.of(HandshakeSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false).serialize("strategies", created);
    serializer(Map.of(HandshakeSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy"), false)
        .serialize("strategies", created);
    serializer(Map.of(HandshakeSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, SubjectNameStrategy.TOPIC_NAME.name()), false)
        .serialize("strategies", created);

    assertThat(registry.subjects()).contains("strategies-dev.handshake.example.user.UserCreated",
        "dev.handshake.example.user.UserCreated", "strategies-value");
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredSchemaFailsNamingTheSubject() {
    Map<String, Object> config = Map.of(HandshakeSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");

    assertThatThrownBy(() -> serializer(config, false).serialize("unregistered",
        SerdeRoundTripTest.created("u-1", UserStatus.ACTIVE)))
        .isInstanceOfSatisfying(SchemaNotRegisteredException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining("\"unregistered-value\"");
  }

  @Test
  void useLatestVersionWritesWithTheSubjectsLatestSchema() {
    RestSchemaRegistry registry = RestSchemaRegistry.of(SERVERS.registryUrl());
    int id = registry.register("latest-value", RegistrySchema.of(UserCreated.getClassSchema().toString()));
    Map<String, Object> config = Map.of(HandshakeSerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
        HandshakeSerdeConfig.USE_LATEST_VERSION, "true");

    byte[] framed = serializer(config, false).serialize("latest",
        SerdeRoundTripTest.created("u-1", UserStatus.ACTIVE));

    assertThat(WireFormat.schemaId(framed)).isEqualTo(id);
  }

  @Test
  void aWarmCacheKeepsWorkingThroughARegistryOutageAndAColdOneIsTransient(@TempDir Path dir) throws IOException {
    UserCreated created = SerdeRoundTripTest.created("u-7", UserStatus.SUSPENDED);
    HandshakeAvroSerializer serializer;
    HandshakeAvroDeserializer deserializer;
    String url;
    try (RegistryServer registry = RegistryServer.start(RegistryServer.Options.of(dir, 0))) {
      url = registry.url();
      serializer = on(url, new HandshakeAvroSerializer());
      deserializer = on(url, new HandshakeAvroDeserializer());
      deserializer.deserialize("outage", serializer.serialize("outage", created));
    }

    byte[] framed = serializer.serialize("outage", created);
    assertThat(((GenericRecord) deserializer.deserialize("outage", framed)).get("userId")).hasToString("u-7");
    assertThatThrownBy(() -> on(url, new HandshakeAvroDeserializer()).deserialize("outage", framed))
        .isInstanceOfSatisfying(RegistryUnreachableException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageContaining("Transient");
  }

  @Test
  void badConfigurationIsAConfigExceptionNamingTheKey() {
    assertThatThrownBy(() -> new HandshakeAvroSerializer().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> serializer(Map.of(HandshakeSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "ByColor"), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("value.subject.name.strategy");
    assertThatThrownBy(() -> serializer(Map.of(HandshakeSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    assertThatThrownBy(() -> serializer(Map.of(HandshakeSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"),
        false)).isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
  }

  @Test
  void aValueTheSerdeCannotWriteIsAnInvalidRecord() {
    assertThatThrownBy(() -> serializer(Map.of(), false).serialize("invalid", new Object()))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("java.lang.Object");
  }

  private static <T extends org.apache.kafka.common.serialization.Serializer<Object>> T on(String url, T serde) {
    serde.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, url), false);
    return serde;
  }

  private static HandshakeAvroDeserializer on(String url, HandshakeAvroDeserializer serde) {
    serde.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, url), false);
    return serde;
  }

  static HandshakeAvroSerializer serializer(Map<String, Object> extra, boolean isKey) {
    HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
    serializer.configure(config(extra), isKey);
    return serializer;
  }

  static HandshakeAvroDeserializer deserializer(Map<String, Object> extra, boolean isKey) {
    HandshakeAvroDeserializer deserializer = new HandshakeAvroDeserializer();
    deserializer.configure(config(extra), isKey);
    return deserializer;
  }

  private static Map<String, Object> config(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl());
    return config;
  }
}
