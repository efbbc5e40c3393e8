package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Code written against Confluent's constant classes compiles against ours, and each key does what it says. */
class ConfluentParityConfigTest {

  /**
   * Confluent's constant, its key string as Confluent defines it, a value other than the default, and what the
   * parsed configuration shows when the serde honoured it.
   */
  static Stream<Arguments> confluentConstants() {
    return Stream.of(
        honoured(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "schema.registry.url", "http://other:9999",
            c -> c.registry().urls().get(0).toString(), "http://other:9999"),
        honoured(HandshakeSerdeConfig.AUTO_REGISTER_SCHEMAS, "auto.register.schemas", "false",
            HandshakeSerdeConfig::autoRegister, false),
        honoured(HandshakeSerdeConfig.USE_LATEST_VERSION, "use.latest.version", "true",
            HandshakeSerdeConfig::useLatestVersion, true),
        honoured(HandshakeSerdeConfig.LATEST_COMPATIBILITY_STRICT, "latest.compatibility.strict", "false",
            HandshakeSerdeConfig::latestCompatibilityStrict, false),
        honoured(HandshakeSerdeConfig.NORMALIZE_SCHEMAS, "normalize.schemas", "true",
            HandshakeSerdeConfig::normalizeSchemas, true),
        honoured(HandshakeSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "value.subject.name.strategy",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy", HandshakeSerdeConfig::subjectNameStrategy,
            SubjectNameStrategy.RECORD_NAME),
        honoured(HandshakeSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "specific.avro.reader", "true",
            HandshakeSerdeConfig::specificReader, true),
        honoured(HandshakeSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, "avro.use.logical.type.converters",
            "true", HandshakeSerdeConfig::logicalTypeConverters, true),
        honoured(HandshakeSerdeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG, "max.schemas.per.subject", "7",
            HandshakeSerdeConfig::maxSchemas, 7),
        honoured(HandshakeSerdeConfig.MISSING_ID_CACHE_TTL_CONFIG, "missing.id.cache.ttl.sec", "60",
            HandshakeSerdeConfig::missingIdCacheTtlSeconds, 60),
        honoured(HandshakeSerdeConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM,
            "schema.registry.ssl.endpoint.identification.algorithm", "", c -> c.registry().tls().verifyHostname(),
            false));
  }

  private static Arguments honoured(String constant, String confluentKey, String value,
                                    Function<HandshakeSerdeConfig, Object> effect, Object expected) {
    return Arguments.of(constant, confluentKey, value, effect, expected);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("confluentConstants")
  void eachConfluentConstantIsTheKeyTheSerdeHonours(String constant, String confluentKey, String value,
                                                     Function<HandshakeSerdeConfig, Object> effect, Object expected) {
    assertThat(constant).isEqualTo(confluentKey);
    Map<String, Object> configs = new HashMap<>(Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
        "http://localhost:8081"));
    assertThat(effect.apply(HandshakeSerdeConfig.parse(configs, false))).as("the default").isNotEqualTo(expected);
    configs.put(constant, value);
    assertThat(effect.apply(HandshakeSerdeConfig.parse(configs, false))).isEqualTo(expected);
  }

  @Test
  void credentialConstantsCarryConfluentsKeys() {
    Map<String, Object> configs = Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://localhost:8081",
        HandshakeSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        HandshakeSerdeConfig.USER_INFO_CONFIG, "alice:secret");
    assertThat(HandshakeSerdeConfig.parse(configs, false).registry().credentials())
        .hasToString("basic auth as \"alice\"");
    Map<String, Object> bearer = Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://localhost:8081",
        HandshakeSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
        HandshakeSerdeConfig.BEARER_AUTH_TOKEN_CONFIG, "t0ken");
    assertThat(HandshakeSerdeConfig.parse(bearer, false).registry().credentials()).hasToString("bearer token");
    assertThat(HandshakeSerdeConfig.USER_INFO_CONFIG).isEqualTo("basic.auth.user.info");
    assertThat(HandshakeSerdeConfig.BEARER_AUTH_TOKEN_CONFIG).isEqualTo("bearer.auth.token");
    assertThat(HandshakeSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE).isEqualTo("basic.auth.credentials.source");
    assertThat(HandshakeSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE).isEqualTo("bearer.auth.credentials.source");
    assertThat(HandshakeSerdeConfig.KEY_SUBJECT_NAME_STRATEGY).isEqualTo("key.subject.name.strategy");
    assertThat(HandshakeSerdeConfig.CLIENT_NAMESPACE).isEqualTo("schema.registry.");
    assertThat(HandshakeSerdeConfig.SSL_TRUSTSTORE_LOCATION).isEqualTo("schema.registry.ssl.truststore.location");
  }

  @Test
  void theKeySubjectStrategyIsReadForKeysOnly() {
    Map<String, Object> configs = Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://localhost:8081",
        HandshakeSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy");
    assertThat(HandshakeSerdeConfig.parse(configs, true).subjectNameStrategy())
        .isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
    assertThat(HandshakeSerdeConfig.parse(configs, false).subjectNameStrategy())
        .isEqualTo(SubjectNameStrategy.TOPIC_NAME);
  }

  @ParameterizedTest
  @ValueSource(strings = {"schema.registry.ssl.truststore.certificates", "schema.registry.proxy.host",
      "schema.registry.basic.auth.user.info", "basic.auth.user.infos", "bearer.auth.logical.cluster",
      "bearer.auth.issuer.endpoint.url", "use.schema.id", "schema.reflection", "latest.cache.ttl.sec",
      "rule.executors", "value.schema.id.serializer", "specific.avro.value.type", "avro.reflection.allow.null",
      "context.name.strategy", "proxy.host", "handshake.reader.schema"})
  void anUnsupportedSerdeSettingIsRefusedAtConfigureNamingIt(String key) {
    Map<String, Object> configs = Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://localhost:8081",
        key, "x");
    assertThatThrownBy(() -> new HandshakeAvroSerializer().configure(configs, false))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith(key + " is ").hasMessageContaining("remove it");
    assertThatThrownBy(() -> new HandshakeAvroDeserializer().configure(configs, true))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith(key + " is ");
  }

  @Test
  void theClientsOwnAndTheApplicationsKeysPassSilently() {
    // What KafkaProducer/KafkaConsumer hand every serde: the client's whole configuration plus client.id.
    Map<String, Object> configs = new HashMap<>(new ProducerConfig(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, HandshakeAvroSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, HandshakeAvroSerializer.class)).values());
    configs.putAll(new ConsumerConfig(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, HandshakeAvroDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, HandshakeAvroDeserializer.class)).values());
    configs.values().removeIf(java.util.Objects::isNull);
    configs.put("application.id", "streams-app");
    configs.put("spring.kafka.whatever", "x");
    configs.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://localhost:8081");
    new HandshakeAvroSerializer().configure(configs, false);
    new HandshakeAvroDeserializer().configure(configs, true);
    assertThat(configs).containsKeys("bootstrap.servers", "client.id", "sasl.mechanism", "ssl.truststore.type");
  }

  @Test
  void aMissingTruststoreIsAConfigExceptionNamingTheKey() {
    Map<String, Object> configs = Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "https://localhost:8081",
        HandshakeSerdeConfig.SSL_TRUSTSTORE_LOCATION, "/nonexistent/truststore.jks");
    assertThatThrownBy(() -> HandshakeSerdeConfig.parse(configs, false)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location").hasMessageContaining("not a readable file");
    Map<String, Object> algorithm = Map.of(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "https://localhost:1",
        HandshakeSerdeConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "ldaps");
    assertThatThrownBy(() -> HandshakeSerdeConfig.parse(algorithm, false)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.endpoint.identification.algorithm");
  }
}
