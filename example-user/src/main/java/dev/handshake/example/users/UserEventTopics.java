package dev.handshake.example.users;

import dev.handshake.example.support.InvalidSettingException;
import dev.handshake.example.support.Settings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics the relay publishes, created at start when missing with {@code USER_EVENTS_PARTITIONS} partitions,
 * so their partition count is user-service's decision and not whatever the broker's auto-creation would pick
 * ({@code num.partitions}, often 1). Records are keyed by user id, so each user's events stay on one partition and
 * in order, and every published topic gets the same count so a user lands on the same partition number in each.
 *
 * <p>A topic that exists with another count is left as it is and reported: Kafka cannot remove partitions, and
 * adding some moves keys to other partitions, which breaks one user's order for the events already published.
 */
final class UserEventTopics {
  static final String VARIABLE = "USER_EVENTS_PARTITIONS";
  static final int DEFAULT_PARTITIONS = 3;
  /** Far more than an example needs; a typo such as 30000 is refused instead of creating thousands of logs. */
  static final int MAX_PARTITIONS = 1_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private UserEventTopics() {}

  /** {@code USER_EVENTS_PARTITIONS}: a whole number from 1 to {@value #MAX_PARTITIONS} (default 3). */
  static int partitions(Settings settings) {
    long partitions = settings.atLeast(VARIABLE, DEFAULT_PARTITIONS, 1);
    if (partitions > MAX_PARTITIONS) {
      throw new InvalidSettingException(VARIABLE, VARIABLE + "=" + partitions
          + " is not valid: set it to a whole number from 1 to " + MAX_PARTITIONS);
    }
    return (int) partitions;
  }

  /**
   * Creates each of {@code topics} that is missing with {@code partitions} partitions and reports on {@code log}
   * each one that exists with another count. A broker that does not answer is reported, not fatal: the relay
   * retries its sends, and the topics are checked again at the next start.
   */
  static void ensure(Map<String, Object> producerProperties, List<String> topics, int partitions, PrintStream log) {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, producerProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()));
        }
      }
      create(admin, missing, log);
      for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
        int actual = topic.partitions().size();
        if (actual != partitions) {
          log.println("user-service: topic " + topic.name() + " has " + actual + " partition(s), not "
              + VARIABLE + "=" + partitions + ": left as it is (adding partitions moves users to other partitions "
              + "and breaks their order for the events already published; to change the count, create the topics "
              + "anew or set " + VARIABLE + "=" + actual + ")");
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      log.println("user-service: could not check or create the topics " + topics + " with " + partitions
          + " partition(s): " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
          + " (the broker may create them itself on the first send, with its own num.partitions)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void create(Admin admin, List<NewTopic> missing, PrintStream log)
      throws InterruptedException, ExecutionException, TimeoutException {
    for (NewTopic topic : missing) {
      try {
        admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        log.println("user-service: created topic " + topic.name() + " with " + topic.numPartitions()
            + " partition(s)");
      } catch (ExecutionException e) {
        // Another instance (or the broker's auto-creation) created it meanwhile: checked below like any other.
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }
}
