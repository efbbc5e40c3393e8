package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserStatus;
import dev.handshake.example.user.UserUpdated;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/kafka.md's snippets, as written there: its configurations run on the broker, its loop is the tested one. */
class KafkaDocTest {
  @RegisterExtension
  static final SharedServers SERVERS = new SharedServers();
  static final Path REPOSITORY = Path.of("..");
  static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theDocumentedProducerAndConsumerConfigurationsWorkAsWritten() throws IOException {
    RestSchemaRegistry registry = RestSchemaRegistry.of(SERVERS.registryUrl());
    for (Schema schema : List.of(UserCreated.getClassSchema(), UserUpdated.getClassSchema(),
        UserDeleted.getClassSchema())) {
      registry.register(schema.getFullName(), RegistrySchema.of(schema.toString()));
    }
    Map<String, Object> producer = runnable(block("properties", "# producer (tested by KafkaDocTest)"));
    Map<String, Object> consumer = runnable(block("properties", "# consumer (tested by KafkaDocTest)"));
    String topic = "documented-config";
    UserCreated created = SerdeRoundTripTest.created("u-doc", UserStatus.ACTIVE);

    KafkaClients.produce(KafkaClients.producerProps(SERVERS.kafka().bootstrapServers(), producer),
        List.of(new ProducerRecord<>(topic, "u-doc", created)));
    List<ConsumerRecord<String, Object>> records =
        KafkaClients.consume(KafkaClients.consumerProps(SERVERS.kafka().bootstrapServers(), consumer), topic, 1);

    assertThat(records).hasSize(1);
    GenericRecord read = (GenericRecord) records.get(0).value();
    assertThat(read.getSchema().getDoc()).startsWith("auth-service's reader");
    assertThat(read.get("email")).hasToString("u-doc@example.com");
  }

  @Test
  void theDocumentedDeadLetterLoopIsTheOneDeadLetterTestRuns() throws IOException {
    assertThat(trimmedLines(block("java", "DeadLetterPublisher deadLetters")))
        .isEqualTo(trimmedLines(marked("DeadLetterTest", "dead-letter-loop")));
  }

  @Test
  void theDocumentedStreamsSerdesAreTheOnesStreamsSerdeTestRuns() throws IOException {
    assertThat(trimmedLines(block("java", "props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG")))
        .isEqualTo(trimmedLines(marked("StreamsSerdeTest", "streams-serdes")));
  }

  /** The lines of test class {@code testClass} between {@code // doc:NAME} and {@code // doc:end}. */
  private static String marked(String testClass, String name) throws IOException {
    String test = Files.readString(Path.of("src/test/java/dev/handshake/kafka/" + testClass + ".java"),
        StandardCharsets.UTF_8);
    String start = "// doc:" + name;
    return test.substring(test.indexOf(start) + start.length(), test.indexOf("// doc:end"));
  }

  /** The fenced block of {@code language} whose text starts with {@code firstLine}. */
  static String block(String language, String firstLine) throws IOException {
    String doc = Files.readString(REPOSITORY.resolve("docs/kafka.md"), StandardCharsets.UTF_8);
    Matcher matcher = BLOCK.matcher(doc);
    while (matcher.find()) {
      if (matcher.group(1).equals(language) && matcher.group(2).startsWith(firstLine)) {
        return matcher.group(2);
      }
    }
    throw new AssertionError("docs/kafka.md has no ```" + language + " block starting with " + firstLine);
  }

  /** The documented properties, pointed at the test's registry; paths are relative to the repository root. */
  private static Map<String, Object> runnable(String properties) throws IOException {
    Properties parsed = new Properties();
    parsed.load(new StringReader(properties));
    Map<String, Object> config = new HashMap<>();
    parsed.forEach((key, value) -> config.put((String) key, value));
    assertThat(config.get(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL)).isEqualTo("http://localhost:8081");
    config.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL, SERVERS.registryUrl());
    config.computeIfPresent(HandshakeSerdeConfig.READER_SCHEMAS,
        (key, value) -> REPOSITORY.resolve(value.toString()).toString());
    return config;
  }

  private static List<String> trimmedLines(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
