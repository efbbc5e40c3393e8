package dev.handshake.example.users;

import dev.handshake.example.support.Settings;
import dev.handshake.example.users.ConsumerReport.GroupOnTopic;
import dev.handshake.example.users.ConsumerReport.MissingConsumer;
import dev.handshake.example.users.ConsumerReport.PartitionLag;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * user-service watching its consumers with Kafka's AdminClient: every consumer group with committed offsets on (or
 * members assigned to) its topics, its lag per partition (end offset minus committed offset) and the age of the
 * oldest event it has not consumed ({@link RecordTimestamps}); a group is behind past {@code CONSUMER_LAG_ALERT_EVENTS}
 * events or {@code CONSUMER_LAG_ALERT_SECONDS} seconds, and a contract consumer ({@link ConsumerContracts}) whose group
 * reads nothing of its topic is missing.
 */
final class ConsumerWatch implements AutoCloseable {
  static final String ALERT_EVENTS = "CONSUMER_LAG_ALERT_EVENTS";
  static final String ALERT_SECONDS = "CONSUMER_LAG_ALERT_SECONDS";
  static final String REFRESH_SECONDS = "CONSUMER_WATCH_REFRESH_SECONDS";
  static final long DEFAULT_ALERT_EVENTS = 100;
  static final long DEFAULT_ALERT_SECONDS = 60;
  static final long DEFAULT_REFRESH_SECONDS = 10;
  /** Each question to the broker; past it the watch answers that the broker did not. */
  static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

  /** The watch's settings, read (and checked) before anything starts. */
  record Config(List<String> topics, ConsumerReport.Thresholds thresholds, List<WatchedConsumer> consumers,
      Duration scrapeRefresh) {
    static Config read(Settings settings, List<String> topics) {
      long events = settings.atLeast(ALERT_EVENTS, DEFAULT_ALERT_EVENTS, 1);
      long seconds = settings.atLeast(ALERT_SECONDS, DEFAULT_ALERT_SECONDS, 1);
      Duration scrapeRefresh = Duration.ofSeconds(settings.atLeast(REFRESH_SECONDS, DEFAULT_REFRESH_SECONDS, 1));
      return new Config(List.copyOf(topics), new ConsumerReport.Thresholds(events, seconds),
          ConsumerContracts.read(settings, topics), scrapeRefresh);
    }
  }

  /** The broker did not answer in time, or refused: the watch cannot tell anything. */
  static final class UnavailableException extends RuntimeException {
    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Config config;
  private final Admin admin;
  private final RecordTimestamps timestamps;
  private final Clock clock;

  ConsumerWatch(String bootstrapServers, Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "user-service-consumer-watch",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis()));
    this.timestamps = new RecordTimestamps(bootstrapServers);
  }

  /** Every consumer the contracts name, on the topics watched. */
  List<WatchedConsumer> consumers() {
    return config.consumers();
  }

  /** How old the watch's last answer may be when a scrape reads it ({@code CONSUMER_WATCH_REFRESH_SECONDS}). */
  Duration scrapeRefresh() {
    return config.scrapeRefresh();
  }

  /** Asks the broker now; one report at a time (the scrape and the endpoint share the clients). */
  synchronized ConsumerReport report() {
    try {
      return build();
    } catch (ExecutionException e) {
      throw new UnavailableException("the broker at KAFKA_BOOTSTRAP_SERVERS refused the consumer watch's question: "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new UnavailableException("the broker at KAFKA_BOOTSTRAP_SERVERS did not answer the consumer watch within "
          + BROKER_TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while asking the broker", e);
    }
  }

  private ConsumerReport build() throws ExecutionException, TimeoutException, InterruptedException {
    List<TopicPartition> partitions = partitions();
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
    List<String> groupIds = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
        .map(GroupListing::groupId).sorted().toList();
    Map<String, ConsumerGroupDescription> described = groupIds.isEmpty() ? Map.of()
        : get(admin.describeConsumerGroups(groupIds).all());
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = groupIds.isEmpty() || partitions.isEmpty()
        ? Map.of() : get(admin.listConsumerGroupOffsets(groupIds.stream().collect(Collectors.toMap(id -> id,
            id -> new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))).all());
    long now = clock.millis();
    List<GroupOnTopic> groups = new ArrayList<>();
    for (String group : groupIds) {
      for (String topic : config.topics()) {
        Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group, Map.of());
        ConsumerGroupDescription description = described.get(group);
        if (reads(topic, offsets, description)) {
          groups.add(onTopic(group, topic, description, offsets, partitions, start, end, now));
        }
      }
    }
    List<MissingConsumer> missing = new ArrayList<>();
    for (WatchedConsumer consumer : config.consumers()) {
      boolean reading = groups.stream().anyMatch(g -> g.group().equals(consumer.group())
          && g.topic().equals(consumer.topic()) && g.reading());
      if (!reading) {
        missing.add(new MissingConsumer(consumer.consumer(), consumer.group(), consumer.topic(),
            "consumer " + consumer.consumer() + " has a contract on " + consumer.topic() + " but no consumer group "
                + consumer.group() + " reads it (if it reads with another group id, map it in "
                + ConsumerContracts.GROUPS + ")"));
      }
    }
    List<String> alerts = new ArrayList<>();
    groups.stream().filter(GroupOnTopic::behind).forEach(g -> alerts.add("consumer group " + g.group() + " is behind on "
        + g.topic() + ": " + String.join("; ", g.reasons())));
    missing.forEach(m -> alerts.add(m.reason()));
    return new ConsumerReport(config.thresholds(), groups, missing, alerts);
  }

  private GroupOnTopic onTopic(String group, String topic, ConsumerGroupDescription description,
      Map<TopicPartition, OffsetAndMetadata> offsets, List<TopicPartition> partitions, Map<TopicPartition, Long> start,
      Map<TopicPartition, Long> end, long now) {
    List<PartitionLag> lags = new ArrayList<>();
    Long oldest = null;
    boolean reading = !movedOff(topic, description);
    for (TopicPartition partition : partitions) {
      if (!partition.topic().equals(topic)) {
        continue;
      }
      OffsetAndMetadata committedOffset = offsets.get(partition);
      long from = committedOffset == null ? start.get(partition) : committedOffset.offset();
      long lag = Math.max(0, end.get(partition) - Math.max(from, start.get(partition)));
      lags.add(new PartitionLag(partition.partition(), committedOffset == null ? null : committedOffset.offset(),
          end.get(partition), lag));
      if (lag > 0 && reading) {
        Optional<Long> timestamp = timestamps.at(partition, Math.max(from, start.get(partition)));
        if (timestamp.isPresent() && (oldest == null || timestamp.get() < oldest)) {
          oldest = timestamp.get();
        }
      }
    }
    long lag = lags.stream().mapToLong(PartitionLag::lag).sum();
    Double age = oldest == null ? null : Math.max(0, now - oldest) / 1000.0;
    List<String> reasons = new ArrayList<>();
    ConsumerReport.Thresholds thresholds = config.thresholds();
    if (reading && lag > thresholds.events()) {
      reasons.add(lag + " events not consumed, more than " + ALERT_EVENTS + "=" + thresholds.events());
    }
    if (age != null && age > thresholds.seconds()) {
      reasons.add("the oldest event not consumed is " + Math.round(age) + " s old, more than " + ALERT_SECONDS + "="
          + thresholds.seconds());
    }
    return new GroupOnTopic(group, topic, description == null ? "UNKNOWN" : description.groupState().toString(),
        description == null ? 0 : description.members().size(), reading, lag, age, !reasons.isEmpty(), reasons, lags);
  }

  /** Committed offsets on the topic, or members assigned its partitions. */
  private static boolean reads(String topic, Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupDescription description) {
    boolean committed = offsets.entrySet().stream()
        .anyMatch(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null);
    return committed || assigned(topic, description);
  }

  private static boolean assigned(String topic, ConsumerGroupDescription description) {
    return description != null && description.members().stream().anyMatch(member ->
        member.assignment().topicPartitions().stream().anyMatch(partition -> partition.topic().equals(topic)));
  }

  /**
   * A stable group whose members are all assigned partitions of other topics has moved off this one (auth-service
   * after its switch to v2): its offsets here are what it left, not a consumer falling behind. A group without
   * members may only be down, so its offsets still count.
   */
  private static boolean movedOff(String topic, ConsumerGroupDescription description) {
    return description != null && description.groupState() == GroupState.STABLE && !description.members().isEmpty()
        && !assigned(topic, description);
  }

  /** The watched topics' partitions; a topic that does not exist yet (nothing published) has none. */
  private List<TopicPartition> partitions() throws ExecutionException, TimeoutException, InterruptedException {
    List<TopicPartition> partitions = new ArrayList<>();
    Map<String, KafkaFuture<TopicDescription>> topics = admin.describeTopics(config.topics()).topicNameValues();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : topics.entrySet()) {
      try {
        get(topic.getValue()).partitions().forEach(info ->
            partitions.add(new TopicPartition(topic.getKey(), info.partition())));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    return partitions;
  }

  private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, TimeoutException, InterruptedException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, spec));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = get(admin.listOffsets(request).all());
    Map<TopicPartition, Long> offsets = new HashMap<>();
    answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  private static <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
    return future.get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    timestamps.close();
  }
}
