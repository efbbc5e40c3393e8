package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handshake.testsupport.EmbeddedRegistryProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serde on the oldest kafka-clients, Avro and Jackson that docs/kafka.md states, run by the
 * {@code oldest-versions} surefire execution, which puts those jars in place of the build's. It first proves
 * the old jars are the ones loaded, so a change to the build cannot turn it into a test of the new ones.
 */
class OldestVersionsRoundTripTest {
  private static final Schema ACCOUNT = new Schema.Parser().parse("""
      {"type": "record", "name": "Account", "namespace": "dev.handshake.oldest", "fields": [
        {"name": "id", "type": "string"},
        {"name": "balance", "type": "long"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["OPEN", "CLOSED"]}},
        {"name": "note", "type": ["null", "string"], "default": null}
      ]}""");

  @TempDir
  Path dir;

  @Test
  void theSerdeRoundTripsThroughARegistryOnTheOldestSupportedLibraries() throws IOException {
    assertThat(jarOf(Serializer.class)).isEqualTo("kafka-clients-" + System.getProperty("handshake.oldest.kafka")
        + ".jar");
    assertThat(jarOf(Schema.class)).isEqualTo("avro-" + System.getProperty("handshake.oldest.avro") + ".jar");
    assertThat(jarOf(ObjectMapper.class)).isEqualTo("jackson-databind-" + System.getProperty("handshake.oldest.jackson")
        + ".jar");
    assertThat(jarOf(JsonParser.class)).isEqualTo("jackson-core-" + System.getProperty("handshake.oldest.jackson")
        + ".jar");

    String registryClasspath = Files.readString(Path.of(System.getProperty("handshake.registry.classpath.file")),
        StandardCharsets.UTF_8).trim();
    try (EmbeddedRegistryProcess registry = EmbeddedRegistryProcess.start(registryClasspath, dir, List.of())) {
      // The keys as KafkaProducer hands them to a serializer: the client's whole configuration.
      Map<String, Object> configs = new ProducerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          "localhost:9092", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, HandshakeAvroSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, HandshakeAvroSerializer.class,
          HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.baseUrl())).originals();
      HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
      serializer.configure(configs, false);
      HandshakeAvroDeserializer deserializer = new HandshakeAvroDeserializer();
      deserializer.configure(configs, false);

      GenericRecord account = new GenericData.Record(ACCOUNT);
      account.put("id", "a-1");
      account.put("balance", 42L);
      account.put("tags", List.of("gold"));
      account.put("status", new GenericData.EnumSymbol(ACCOUNT.getField("status").schema(), "OPEN"));
      account.put("note", null);
      byte[] framed = serializer.serialize("accounts", new RecordHeaders(), account);
      GenericRecord read = (GenericRecord) deserializer.deserialize("accounts", new RecordHeaders(), framed);

      assertThat(read.get("id")).hasToString("a-1");
      assertThat(read.get("balance")).isEqualTo(42L);
      assertThat(read).isEqualTo(account);
      assertThat(deserializer.deserialize("notes", serializer.serialize("notes", "text"))).isEqualTo("text");
      serializer.close();
      deserializer.close();
    }
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
