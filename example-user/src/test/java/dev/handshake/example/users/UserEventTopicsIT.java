package dev.handshake.example.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** user-service decides how many partitions its topics have, not the broker's auto-creation (1 partition here). */
class UserEventTopicsIT {
  @RegisterExtension
  static final KafkaStack.PerClass STACK = new KafkaStack.PerClass();

  @Test
  void everyMissingPublishedTopicIsCreatedWithTheSameCount() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    UserEventTopics.ensure(producer(), List.of("created-a", "created-a.v2"), 5, printing(log));

    assertThat(partitionCount("created-a")).isEqualTo(5);
    assertThat(partitionCount("created-a.v2")).isEqualTo(5);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("created topic created-a with 5 partition(s)", "created topic created-a.v2 with 5 partition(s)");
  }

  @Test
  void aTopicWithAnotherCountIsLeftAsItIsAndReported() throws Exception {
    STACK.get().createTopic("existing-b", 1);
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    UserEventTopics.ensure(producer(), List.of("existing-b"), 3, printing(log));

    assertThat(partitionCount("existing-b")).isEqualTo(1);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("topic existing-b has 1 partition(s), not USER_EVENTS_PARTITIONS=3: left as it is");
  }

  @Test
  void theServiceCreatesItsTopicAtStartWithThreePartitionsByDefault() throws Exception {
    Map<String, String> env = new HashMap<>(STACK.get().relayEnv("started-c"));
    env.put("HTTP_PORT", "0");
    env.put("ADMIN_TOKEN", RunningService.ADMIN_TOKEN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (UserService service = UserService.start(env, printing(out))) {
      assertThat(partitionCount("started-c")).isEqualTo(UserEventTopics.DEFAULT_PARTITIONS);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("created topic started-c with 3 partition(s)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "three", "1001", "99999999999999999999"})
  void aBadPartitionCountIsNamed(String value) {
    Settings settings = Settings.of(Map.of(UserEventTopics.VARIABLE, value));

    assertThatThrownBy(() -> UserEventTopics.partitions(settings))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.variable()).isEqualTo("USER_EVENTS_PARTITIONS"))
        .hasMessageContaining("USER_EVENTS_PARTITIONS=" + value);
  }

  @Test
  void aBadPartitionCountStopsTheServiceBeforeAnythingStarts() {
    assertThatThrownBy(() -> UserService.start(Map.of("USER_EVENTS_PARTITIONS", "0")))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.variable()).isEqualTo("USER_EVENTS_PARTITIONS"));
  }

  private static Map<String, Object> producer() {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.get().bootstrapServers());
  }

  private static PrintStream printing(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private static int partitionCount(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.get().bootstrapServers()))) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(30, TimeUnit.SECONDS).get(topic);
      return description.partitions().size();
    }
  }
}
