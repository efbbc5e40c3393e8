package dev.handshake.example.users;

import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.kafka.HandshakeAvroDeserializer;
import dev.handshake.kafka.HandshakeSerdeConfig;
import dev.handshake.registry.RegistryServer;
import dev.handshake.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real broker (in-process KRaft) and the embedded schema registry (in-process) with user-service's schemas
 * registered from {@code ../schemas/user-events} (v1) and {@code ../schemas/user-events-v2} under their record
 * names, as before a deploy.
 */
final class KafkaStack implements AutoCloseable {
  static final Path SCHEMAS = Path.of("..", "schemas", "user-events");
  static final Path SCHEMAS_V2 = Path.of("..", "schemas", "user-events-v2");

  private final KafkaBroker broker;
  private final RegistryServer registry;
  private final Path registryDir;

  private KafkaStack(KafkaBroker broker, RegistryServer registry, Path registryDir) {
    this.broker = broker;
    this.registry = registry;
    this.registryDir = registryDir;
  }

  /** Both versions' schemas registered. */
  /**
   * One stack for a test class, {@code @RegisterExtension static final KafkaStack.PerClass STACK = new
   * KafkaStack.PerClass();}: started before its first test, closed after its last, pass or fail.
   */
  static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private KafkaStack stack;

    KafkaStack get() {
      return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      stack = start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      if (stack != null) {
        stack.close();
        stack = null;
      }
    }
  }

  static KafkaStack start() throws IOException {
    return start(SCHEMAS, SCHEMAS_V2);
  }

  /** Only these directories' schemas registered (a deploy that forgot one: {@link #register} it later). */
  static KafkaStack start(Path... schemaDirs) throws IOException {
    Path registryDir = Files.createTempDirectory("user-service-registry-");
    RegistryServer registry = RegistryServer.start(RegistryServer.Options.of(registryDir, 0));
    try {
      for (Path dir : schemaDirs) {
        registerSchemas(RestSchemaRegistry.of(registry.url()), dir);
      }
      return new KafkaStack(KafkaBroker.start(), registry, registryDir);
    } catch (IOException | RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  /** Registers the {@code .avsc} files of {@code dir} under their record names. */
  void register(Path dir) throws IOException {
    registerSchemas(RestSchemaRegistry.of(registry.url()), dir);
  }

  private static void registerSchemas(RestSchemaRegistry client, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
        Schema schema = new Schema.Parser().parse(file.toFile());
        client.register(schema.getFullName(), RegistrySchema.of(schema.toString()));
      }
    }
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  String registryUrl() {
    return registry.url();
  }

  void createTopic(String name, int partitions) {
    broker.createTopic(name, partitions);
  }

  /** The environment that turns user-service's relay on against this stack. */
  Map<String, String> relayEnv(String topic) {
    return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(), "SCHEMA_REGISTRY_URL", registryUrl(),
        "USER_EVENTS_TOPIC", topic);
  }

  /** A record as consumed, its value decoded by Handshake's deserializer. */
  record Received(String key, String id, String type, long version, long position, GenericRecord value,
      int partition, long offset) {}

  /**
   * Reads {@code topic} from the beginning until {@code done} holds for what was read, or fails after
   * {@code timeout}.
   */
  List<Received> readUntil(String topic, Predicate<List<Received>> done, Duration timeout) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
    HandshakeAvroDeserializer values = new HandshakeAvroDeserializer();
    values.configure(config, false);
    List<Received> received = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(received)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("after " + timeout + " the topic " + topic + " holds only " + received);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          received.add(new Received(record.key(), header(record, "id"), header(record, "type"),
              Long.parseLong(header(record, "version")), Long.parseLong(header(record, "position")),
              (GenericRecord) values.deserialize(topic, record.headers(), record.value()),
              record.partition(), record.offset()));
        }
      }
    }
    return received;
  }

  /** How many records {@code topic} holds, all partitions together: the sum of their end offsets. */
  long recordCount(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    if (header == null) {
      throw new AssertionError("record at offset " + record.offset() + " has no header " + name);
    }
    return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    try {
      broker.close();
    } finally {
      registry.close();
      try (Stream<Path> paths = Files.walk(registryDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> {
          try {
            Files.deleteIfExists(path);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
