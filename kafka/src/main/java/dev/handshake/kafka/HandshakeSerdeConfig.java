package dev.handshake.kafka;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.avro.DecodeLimits;
import dev.handshake.core.registry.RegistryClientConfig;
import dev.handshake.core.registry.RegistryCredentials;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's configuration: Confluent's key names and defaults (so switching from Confluent's serde means
 * changing class names only), plus Handshake's own keys prefixed {@code handshake.}. Parsed once in
 * {@code configure}; a wrong value is a {@link ConfigException} naming the key, as kafka-clients reports its own.
 */
public final class HandshakeSerdeConfig {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
  /** Confluent's bound of its per-subject schema caches; here the bound of every cache of the serde. */
  public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

  /** Confluent's: how long an id the registry does not know is remembered as missing (0, the default: not). */
  public static final String MISSING_ID_CACHE_TTL_SEC = "missing.id.cache.ttl.sec";

  /** The registry client's TLS settings: Kafka's {@code ssl.*} names under {@code schema.registry.}, as Confluent's. */
  public static final String CLIENT_NAMESPACE = "schema.registry.";
  public static final String SSL_TRUSTSTORE_LOCATION = CLIENT_NAMESPACE + "ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = CLIENT_NAMESPACE + "ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE = CLIENT_NAMESPACE + "ssl.truststore.type";
  public static final String SSL_KEYSTORE_LOCATION = CLIENT_NAMESPACE + "ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = CLIENT_NAMESPACE + "ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE = CLIENT_NAMESPACE + "ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD = CLIENT_NAMESPACE + "ssl.key.password";
  public static final String SSL_PROTOCOL = CLIENT_NAMESPACE + "ssl.protocol";
  /** {@code https} (the default) checks that the certificate names the host; empty turns the check off. */
  public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM =
      CLIENT_NAMESPACE + "ssl.endpoint.identification.algorithm";

  // Confluent's constant names (AbstractKafkaSchemaSerDeConfig, KafkaAvroSerDeConfig, KafkaAvroDeserializerConfig,
  // SchemaRegistryClientConfig) for the same keys, so code written against Confluent's classes changes its imports
  // only. Where Confluent's name is already ours (AUTO_REGISTER_SCHEMAS, USE_LATEST_VERSION, ...) it is above.
  public static final String SCHEMA_REGISTRY_URL_CONFIG = SCHEMA_REGISTRY_URL;
  public static final String USER_INFO_CONFIG = BASIC_AUTH_USER_INFO;
  public static final String BEARER_AUTH_TOKEN_CONFIG = BEARER_AUTH_TOKEN;
  public static final String SPECIFIC_AVRO_READER_CONFIG = SPECIFIC_AVRO_READER;
  public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG = AVRO_USE_LOGICAL_TYPE_CONVERTERS;
  public static final String MAX_SCHEMAS_PER_SUBJECT_CONFIG = MAX_SCHEMAS_PER_SUBJECT;
  public static final String MISSING_ID_CACHE_TTL_CONFIG = MISSING_ID_CACHE_TTL_SEC;

  /** Handshake: reader schema(s) the deserializer resolves every writer schema to (files, directories or JSON). */
  public static final String READER_SCHEMAS = "handshake.reader.schemas";
  /** Handshake: fail when bytes are left after the datum (default true; Confluent does not check). */
  public static final String FAIL_ON_TRAILING_BYTES = "handshake.fail.on.trailing.bytes";
  /**
   * Handshake: the most array and map items (zero-byte ones included) one record may decode or skip; a record's
   * budget is min(this, 1024 + its payload bytes). Default 1,000,000.
   */
  public static final String DECODE_MAX_ITEMS = "handshake.decode.max.items";
  /** Handshake: how deep a value may nest (records, arrays, maps, unions, leaves). Default 128. */
  public static final String DECODE_MAX_DEPTH = "handshake.decode.max.depth";

  public static final String BASIC_AUTH_SOURCE_URL = "URL";
  public static final String BASIC_AUTH_SOURCE_USER_INFO = "USER_INFO";
  public static final String BEARER_AUTH_SOURCE_STATIC_TOKEN = "STATIC_TOKEN";
  public static final int DEFAULT_MAX_SCHEMAS = 1000;

  /**
   * Confluent serde keys outside the families below that Handshake does not act on. Kafka hands a serde the
   * client's whole configuration, so only keys of a schema-registry serde are checked; the client's own keys
   * (bootstrap.servers, client.id, ...) and the application's pass untouched.
   */
  static final Set<String> UNSUPPORTED_CONFLUENT_KEYS = Set.of("schema.reflection", "avro.reflection.allow.null",
      "use.schema.id", "id.compatibility.strict", "latest.cache.ttl.sec", "latest.cache.size",
      "avro.remove.java.properties", "use.latest.with.metadata", "context.name.strategy", "proxy.host",
      "proxy.port", "rule.executors", "rule.actions", "key.schema.id.serializer", "value.schema.id.serializer",
      "key.schema.id.deserializer", "value.schema.id.deserializer", "reference.subject.name.strategy",
      "auto.register.schemas.on.reference", "schema.format", "avro.use.logical.type.converters.for.reflect",
      "specific.avro.key.type", "specific.avro.value.type", "avro.reflection.allow.null.values");
  /** Key families that belong to a schema-registry serde: every key in them must be one Handshake acts on. */
  private static final List<String> SERDE_FAMILIES = List.of(CLIENT_NAMESPACE, "basic.auth.", "bearer.auth.",
      "handshake.", "auto.register.", "use.latest.", "latest.", "key.subject.", "value.subject.", "specific.avro.",
      "avro.", "normalize.", "max.schemas.", "missing.", "rule.", "key.schema.", "value.schema.");
  static final Set<String> KNOWN = Set.of(SCHEMA_REGISTRY_URL, BASIC_AUTH_CREDENTIALS_SOURCE,
      BASIC_AUTH_USER_INFO, BEARER_AUTH_CREDENTIALS_SOURCE, BEARER_AUTH_TOKEN, AUTO_REGISTER_SCHEMAS,
      USE_LATEST_VERSION, LATEST_COMPATIBILITY_STRICT, NORMALIZE_SCHEMAS, KEY_SUBJECT_NAME_STRATEGY,
      VALUE_SUBJECT_NAME_STRATEGY, SPECIFIC_AVRO_READER, AVRO_USE_LOGICAL_TYPE_CONVERTERS, MAX_SCHEMAS_PER_SUBJECT,
      MISSING_ID_CACHE_TTL_SEC, READER_SCHEMAS, FAIL_ON_TRAILING_BYTES, SSL_TRUSTSTORE_LOCATION,
      SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE,
      SSL_KEY_PASSWORD, SSL_PROTOCOL, SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, DECODE_MAX_ITEMS,
      DECODE_MAX_DEPTH);

  private final RegistryClientConfig registry;
  private final boolean autoRegister;
  private final boolean useLatestVersion;
  private final boolean latestCompatibilityStrict;
  private final boolean normalizeSchemas;
  private final SubjectNameStrategy subjectNameStrategy;
  private final boolean specificReader;
  private final boolean logicalTypeConverters;
  private final int maxSchemas;
  private final int missingIdCacheTtlSeconds;
  private final ReaderSchemas readerSchemas;
  private final boolean failOnTrailingBytes;
  private final DecodeLimits decodeLimits;

  private HandshakeSerdeConfig(Map<String, ?> configs, boolean isKey) {
    refuseUnsupported(configs);
    registry = registryConfig(configs);
    autoRegister = bool(configs, AUTO_REGISTER_SCHEMAS, true);
    useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
    latestCompatibilityStrict = bool(configs, LATEST_COMPATIBILITY_STRICT, true);
    normalizeSchemas = bool(configs, NORMALIZE_SCHEMAS, false);
    String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    subjectNameStrategy = strategy(configs, strategyKey);
    specificReader = bool(configs, SPECIFIC_AVRO_READER, false);
    logicalTypeConverters = bool(configs, AVRO_USE_LOGICAL_TYPE_CONVERTERS, false);
    maxSchemas = positiveInt(configs, MAX_SCHEMAS_PER_SUBJECT, DEFAULT_MAX_SCHEMAS);
    missingIdCacheTtlSeconds = nonNegativeInt(configs, MISSING_ID_CACHE_TTL_SEC, 0);
    failOnTrailingBytes = bool(configs, FAIL_ON_TRAILING_BYTES, true);
    decodeLimits = new DecodeLimits(positiveInt(configs, DECODE_MAX_ITEMS, DecodeLimits.DEFAULT_MAX_ITEMS),
        positiveInt(configs, DECODE_MAX_DEPTH, DecodeLimits.DEFAULT_MAX_DEPTH));
    String readers = string(configs, READER_SCHEMAS);
    try {
      readerSchemas = readers == null ? ReaderSchemas.NONE : ReaderSchemas.parse(readers);
    } catch (InvalidInputException e) {
      throw new ConfigException(READER_SCHEMAS, readers, e.getMessage());
    }
  }

  /** Parses the serde's keys out of a client's whole configuration (the other keys are kafka-clients' own). */
  public static HandshakeSerdeConfig parse(Map<String, ?> configs, boolean isKey) {
    return new HandshakeSerdeConfig(configs, isKey);
  }

  public RegistryClientConfig registry() {
    return registry;
  }

  public boolean autoRegister() {
    return autoRegister;
  }

  public boolean useLatestVersion() {
    return useLatestVersion;
  }

  public boolean latestCompatibilityStrict() {
    return latestCompatibilityStrict;
  }

  public boolean normalizeSchemas() {
    return normalizeSchemas;
  }

  public SubjectNameStrategy subjectNameStrategy() {
    return subjectNameStrategy;
  }

  public boolean specificReader() {
    return specificReader;
  }

  public boolean logicalTypeConverters() {
    return logicalTypeConverters;
  }

  public int maxSchemas() {
    return maxSchemas;
  }

  public int missingIdCacheTtlSeconds() {
    return missingIdCacheTtlSeconds;
  }

  public ReaderSchemas readerSchemas() {
    return readerSchemas;
  }

  public boolean failOnTrailingBytes() {
    return failOnTrailingBytes;
  }

  /** The work one record may cost the deserializer ({@link #DECODE_MAX_ITEMS}, {@link #DECODE_MAX_DEPTH}). */
  public DecodeLimits decodeLimits() {
    return decodeLimits;
  }

  private static RegistryClientConfig registryConfig(Map<String, ?> configs) {
    String urls = string(configs, SCHEMA_REGISTRY_URL);
    if (urls == null || urls.isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " is required: the registry's URL (several separated by "
          + "commas), e.g. http://localhost:8081");
    }
    RegistryClientConfig config;
    try {
      config = RegistryClientConfig.of(List.of(urls), SCHEMA_REGISTRY_URL);
    } catch (InvalidInputException e) {
      throw new ConfigException(e.getMessage());
    }
    return config.withCredentials(credentials(configs)).withTls(SerdeTls.parse(configs));
  }

  private static RegistryCredentials credentials(Map<String, ?> configs) {
    String basicSource = upper(string(configs, BASIC_AUTH_CREDENTIALS_SOURCE), BASIC_AUTH_SOURCE_URL);
    String userInfo = null;
    if (BASIC_AUTH_SOURCE_USER_INFO.equals(basicSource)) {
      userInfo = string(configs, BASIC_AUTH_USER_INFO);
      if (userInfo == null || userInfo.isBlank()) {
        throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs " + BASIC_AUTH_USER_INFO
            + "=user:password");
      }
    } else if (!BASIC_AUTH_SOURCE_URL.equals(basicSource)) {
      throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, basicSource, "Handshake supports USER_INFO (with "
          + BASIC_AUTH_USER_INFO + ") and URL (no credentials; user info in the URL is refused, it would be logged)");
    }
    String bearerSource = upper(string(configs, BEARER_AUTH_CREDENTIALS_SOURCE), null);
    String token = string(configs, BEARER_AUTH_TOKEN);
    if (bearerSource != null && !BEARER_AUTH_SOURCE_STATIC_TOKEN.equals(bearerSource)) {
      throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource, "Handshake supports STATIC_TOKEN "
          + "(with " + BEARER_AUTH_TOKEN + ")");
    }
    try {
      return RegistryCredentials.of(userInfo, BASIC_AUTH_USER_INFO, token, BEARER_AUTH_TOKEN);
    } catch (InvalidInputException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static SubjectNameStrategy strategy(Map<String, ?> configs, String key) {
    String value = string(configs, key);
    if (value == null || value.isBlank()) {
      return SubjectNameStrategy.TOPIC_NAME;
    }
    SubjectNameStrategy strategy = SubjectNameStrategy.parse(value);
    if (strategy == null) {
      throw new ConfigException(key, value, "use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy "
          + "(short names, or Confluent's io.confluent.kafka.serializers.subject.* class names)");
    }
    return strategy;
  }

  static String string(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Class<?> type) {
      return type.getName();
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return value.toString();
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
    String value = string(configs, key);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key, value, "expected true or false");
    };
  }

  private static int positiveInt(Map<String, ?> configs, String key, int defaultValue) {
    return intAtLeast(configs, key, defaultValue, 1);
  }

  private static int nonNegativeInt(Map<String, ?> configs, String key, int defaultValue) {
    return intAtLeast(configs, key, defaultValue, 0);
  }

  private static int intAtLeast(Map<String, ?> configs, String key, int defaultValue, int minimum) {
    String value = string(configs, key);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= minimum) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(key, value, "expected a whole number of at least " + minimum);
  }

  private static String upper(String value, String defaultValue) {
    return value == null || value.isBlank() ? defaultValue : value.trim().toUpperCase(Locale.ROOT);
  }

  /**
   * Refuses a schema-registry serde key Handshake does not act on: logged, it would be missed (a no-op logger
   * shows nothing) while the user believes, say, a truststore is in use.
   */
  private static void refuseUnsupported(Map<String, ?> configs) {
    for (String key : configs.keySet()) {
      if (KNOWN.contains(key)) {
        continue;
      }
      if (key.startsWith("handshake.")) {
        throw new ConfigException(key + " is not a Handshake serde setting (known: " + READER_SCHEMAS + ", "
            + FAIL_ON_TRAILING_BYTES + ", " + DECODE_MAX_ITEMS
            + ", " + DECODE_MAX_DEPTH + "); remove it or fix its spelling");
      }
      if (UNSUPPORTED_CONFLUENT_KEYS.contains(key) || SERDE_FAMILIES.stream().anyMatch(key::startsWith)) {
        throw new ConfigException(key + " is a schema-registry serde setting that Handshake's serde does not "
            + "support; remove it (docs/kafka.md lists the supported keys and what replaces the others)");
      }
    }
  }
}
