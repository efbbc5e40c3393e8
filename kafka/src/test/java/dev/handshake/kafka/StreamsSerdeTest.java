package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserStatus;
import dev.handshake.registry.RegistryServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GenericAvroSerde and SpecificAvroSerde in a Kafka Streams topology, against the real embedded registry. */
class StreamsSerdeTest {
  @TempDir
  static Path dir;
  private static RegistryServer registry;

  @BeforeAll
  static void start() throws IOException {
    registry = RegistryServer.start(RegistryServer.Options.of(dir, 0));
  }

  @AfterAll
  static void stop() throws IOException {
    registry.close();
  }

  @Test
  void aTopologyReadsSpecificRecordsAndWritesGenericOnesThroughTheRegistry() {
    // Specific by default, as Streams configures it from default.value.serde; generic for the output, as an
    // application configures a serde it passes to Produced.
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-serde-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    String registryUrl = registry.url();
    // doc:streams-serdes
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class);
    props.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
    GenericAvroSerde generic = new GenericAvroSerde(); // a serde given to Produced or Consumed: configure it
    generic.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl), false);
    // doc:end

    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, UserCreated>stream("users")
        .filter((userId, created) -> created.getStatus() == UserStatus.ACTIVE)
        .mapValues(created -> (GenericRecord) created)
        .to("active-users", Produced.with(Serdes.String(), generic));

    SpecificAvroSerde<UserCreated> specific = new SpecificAvroSerde<>();
    specific.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url()), false);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, UserCreated> users = driver.createInputTopic("users", new StringSerializer(),
          specific.serializer());
      TestOutputTopic<String, GenericRecord> active = driver.createOutputTopic("active-users",
          new StringDeserializer(), generic.deserializer());
      users.pipeInput("u-1", SerdeRoundTripTest.created("u-1", UserStatus.ACTIVE));
      users.pipeInput("u-2", SerdeRoundTripTest.created("u-2", UserStatus.SUSPENDED));

      GenericRecord only = active.readValue();
      assertThat(only).isNotInstanceOf(UserCreated.class);
      assertThat(only.get("userId")).hasToString("u-1");
      assertThat(active.isEmpty()).isTrue();
    }
    assertThat(RestSchemaRegistry.of(registry.url()).subjects()).contains("users-value", "active-users-value");
    specific.close();
    generic.close();
  }

  @Test
  void aSpecificSerdeReadsItsGeneratedClassWhateverTheConfigurationSays() {
    SpecificAvroSerde<UserCreated> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url(),
        HandshakeSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "false"), false);
    UserCreated created = SerdeRoundTripTest.created("u-3", UserStatus.ACTIVE);
    assertThat(serde.deserializer().deserialize("specific", serde.serializer().serialize("specific", created)))
        .isEqualTo(created);
  }

  @Test
  void aPrimitiveValueIsATypedErrorAndAnUnconfiguredSerdeSaysWhatToDo() {
    HandshakeAvroSerializer plain = new HandshakeAvroSerializer();
    plain.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url()), false);
    byte[] text = plain.serialize("primitive-for-streams", "just text");
    GenericAvroSerde generic = new GenericAvroSerde();
    generic.configure(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url()), false);
    assertThatThrownBy(() -> generic.deserializer().deserialize("primitive-for-streams", text))
        .isInstanceOf(NoReaderForWriterException.class).hasMessageContaining("java.lang.String");

    assertThatThrownBy(() -> new GenericAvroSerde().serializer().serialize("t", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("configure");
  }
}
