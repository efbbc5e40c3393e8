package dev.handshake.example.auth.it;

import dev.handshake.testsupport.Await;
import dev.handshake.testsupport.AvroSchemaJson;
import dev.handshake.testsupport.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.example.auth.AuthService;
import dev.handshake.example.auth.consume.DeadLetterTopic;
import dev.handshake.core.avro.WireFormat;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.kafka.DeadLetterHeaders;
import dev.handshake.kafka.DecodeLimitExceededException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison records go to {@code <topic>-dlt} byte for byte with Spring's headers while the records around them apply;
 * transient failures are retried and never dead-lettered; replay after a reader-schema fix applies each dead letter
 * once.
 */
@ExtendWith(Infrastructure.Resolver.class)
class DeadLetterTest {
  private static Infrastructure infrastructure;

  @BeforeAll
  static void parts(Infrastructure shared) {
    infrastructure = shared;
  }

  @Test
  void poisonInTheMiddleOfABatchIsDeadLetteredByteForByteAndTheRestApplies() throws Exception {
    String topic = infrastructure.newTopic(1);
    byte[] badMagic = {1, 0, 0, 0, 1, 2, 3};
    byte[] unknownSchemaId = {0, 0, 0, 0x7f, 0x7f, 2, 4};
    RecordHeaders poisonHeaders = new RecordHeaders();
    poisonHeaders.add("id", "not-a-real-event".getBytes(StandardCharsets.UTF_8));
    poisonHeaders.add("trace", new byte[] {(byte) 0xff, 0, 7});
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic)) {
      // All before auth starts, so they arrive in one poll batch.
      producer.send("UserCreated", "u1", "one@example.com", "ACTIVE", 1);
      long badMagicOffset = producer.sendRaw("u2".getBytes(StandardCharsets.UTF_8), badMagic, poisonHeaders)
          .offset();
      producer.send("UserCreated", "u3", "three@example.com", "ACTIVE", 1);
      producer.sendRaw("u4".getBytes(StandardCharsets.UTF_8), unknownSchemaId, new RecordHeaders());
      producer.send("UserCreated", "u5", "five@example.com", "ACTIVE", 1);
      // Decodes fine, but breaks auth's invariants: keyed by another user, it could overtake that user's events.
      producer.sendKeyed("u1".getBytes(StandardCharsets.UTF_8), UserEventsProducer.event(
          UserEventsProducer.writerSchema("UserUpdated"), UUID.randomUUID(), "u6", "six@example.com", "ACTIVE", 2),
          99);

      try (AuthService auth = AuthService.start(infrastructure.authEnv(topic, Map.of()))) {
        AuthClient client = new AuthClient(auth.url());
        Await.until("three applied and three dead-lettered",
            () -> client.stat("applied") == 3 && client.stat("deadLettered") == 3);

        JsonNode dlq = client.get("/admin/dlq");
        assertThat(dlq.path("count").asLong()).isEqualTo(3);
        assertThat(dlq.path("records").get(2).path("error").asText()).contains("key 'u1'");
        assertThat(dlq.path("records").get(0).path("offset").asLong()).isEqualTo(badMagicOffset);
        assertThat(dlq.path("records").get(0).path("topic").asText()).isEqualTo(topic);
        assertThat(dlq.path("records").get(0).path("error").asText()).isNotBlank();

        List<ConsumerRecord<byte[], byte[]>> dead = readAll(DeadLetterTopic.nameFor(topic), 3);
        ConsumerRecord<byte[], byte[]> first = dead.get(0);
        assertThat(first.key()).isEqualTo("u2".getBytes(StandardCharsets.UTF_8));
        assertThat(first.value()).isEqualTo(badMagic);
        assertThat(first.partition()).isZero();
        assertThat(first.headers().lastHeader("trace").value()).isEqualTo(new byte[] {(byte) 0xff, 0, 7});
        assertThat(first.headers().lastHeader("id").value()).isEqualTo("not-a-real-event".getBytes(
            StandardCharsets.UTF_8));
        assertThat(text(first, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(ByteBuffer.wrap(first.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value())
            .getInt()).isZero();
        assertThat(ByteBuffer.wrap(first.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value())
            .getLong()).isEqualTo(badMagicOffset);
        assertThat(first.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP).value()).hasSize(8);
        assertThat(text(first, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE)).isEqualTo("CreateTime");
        assertThat(text(first, DeadLetterHeaders.EXCEPTION_FQCN)).contains("Exception");
        assertThat(text(first, DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
        assertThat(dead.get(1).value()).isEqualTo(unknownSchemaId);

        assertThat(client.get("/users/u5").path("email").asText()).isEqualTo("five@example.com");
        assertThat(client.send("GET", "/users/u6", null).status()).isEqualTo(404);
      }
    }
  }

  /**
   * A record whose skipped field holds blocks of nulls, each declaring as many items as bytes are left (it once
   * hung the consumer): refused by the decoder's work budget, dead-lettered byte for byte, and the records around
   * it apply.
   */
  @Test
  void aRecordBeyondTheDecodersWorkBudgetIsDeadLetteredAndTheRestApplies() throws Exception {
    String topic = infrastructure.newTopic(1);
    byte[] hostile = createdWithSkippedBlocksOfNulls(64 * 1024);
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic)) {
      producer.send("UserCreated", "u1", "one@example.com", "ACTIVE", 1);
      long hostileOffset = producer.sendRaw("u2".getBytes(StandardCharsets.UTF_8), hostile, new RecordHeaders())
          .offset();
      producer.send("UserCreated", "u3", "three@example.com", "ACTIVE", 1);

      try (AuthService auth = AuthService.start(infrastructure.authEnv(topic, Map.of()))) {
        AuthClient client = new AuthClient(auth.url());
        Await.until("two applied and one dead-lettered",
            () -> client.stat("applied") == 2 && client.stat("deadLettered") == 1);

        ConsumerRecord<byte[], byte[]> dead = readAll(DeadLetterTopic.nameFor(topic), 1).get(0);
        assertThat(dead.value()).isEqualTo(hostile);
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong())
            .isEqualTo(hostileOffset);
        assertThat(text(dead, DeadLetterHeaders.EXCEPTION_FQCN))
            .isEqualTo(DecodeLimitExceededException.class.getName());
        assertThat(client.get("/users/u3").path("email").asText()).isEqualTo("three@example.com");
      }
    }
  }

  /**
   * A UserCreated written with an extra first field {@code junk: array<null>} that auth's reader skips, whose
   * blocks each claim every byte left, about {@code size} bytes of them.
   */
  private static byte[] createdWithSkippedBlocksOfNulls(int size) throws Exception {
    Schema writer = new Schema.Parser().parse(AvroSchemaJson.withFirstField(Files.readString(Path.of("..", "schemas",
        "user-events", "UserCreated.avsc")), "{\"name\": \"junk\", \"type\": {\"type\": \"array\", \"items\": \"null\"}, "
        + "\"default\": []}"));
    GenericRecord created = UserEventsProducer.event(writer, UUID.randomUUID(), "u2", "two@example.com", "ACTIVE", 1);
    created.put("junk", List.of());
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(payload, null);
    new GenericDatumWriter<GenericRecord>(writer).write(created, encoder);
    encoder.flush();
    byte[] rest = Arrays.copyOfRange(payload.toByteArray(), 1, payload.size()); // after junk's empty array
    List<Long> counts = new ArrayList<>();
    long left = 1 + rest.length; // the array's terminator, then the other fields
    while (left < size) {
      counts.add(left);
      left += varint(left).length;
    }
    Collections.reverse(counts);
    ByteArrayOutputStream hostile = new ByteArrayOutputStream();
    for (long count : counts) {
      hostile.write(varint(count));
    }
    hostile.write(0);
    hostile.write(rest);
    int id = RestSchemaRegistry.of(infrastructure.registryUrl()).register("hostile-UserCreated",
        RegistrySchema.of(writer.toString()));
    return WireFormat.frame(id, hostile.toByteArray());
  }

  private static byte[] varint(long value) {
    byte[] buffer = new byte[10];
    return java.util.Arrays.copyOf(buffer, org.apache.avro.io.BinaryData.encodeLong(value, buffer, 0));
  }

  /**
   * The batch path's fallback: a record that decodes and keeps auth's invariants but that PostgreSQL refuses (a
   * NUL character, valid in an Avro string, cannot be stored in text) fails the batch's multi-row statements; the
   * batch rolls back to its savepoint and applies record by record, which dead-letters only that record.
   */
  @Test
  void aRecordTheDatabaseRefusesFailsTheBatchAndRecordByRecordDeadLettersOnlyIt() throws Exception {
    String topic = infrastructure.newTopic(1);
    Map<String, String> env = infrastructure.authEnv(topic, Map.of());
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic)) {
      // All before auth starts, so they arrive in one poll batch.
      producer.send("UserCreated", "u1", "one@example.com", "ACTIVE", 1);
      long refusedOffset = producer.send(UserEventsProducer.event(UserEventsProducer.writerSchema("UserCreated"),
          UUID.randomUUID(), "u2", "two\u0000@example.com", "ACTIVE", 1)).offset();
      producer.send("UserUpdated", "u1", "one@example.org", "SUSPENDED", 2);
      producer.send("UserCreated", "u3", "three@example.com", "ACTIVE", 1);

      try (AuthService auth = AuthService.start(env);
          Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
              infrastructure.kafka().bootstrapServers()))) {
        AuthClient client = new AuthClient(auth.url());
        Await.until("three applied, one dead-lettered",
            () -> client.stat("applied") == 3 && client.stat("deadLettered") == 1);

        assertThat(client.get("/users/u1").path("email").asText()).isEqualTo("one@example.org");
        assertThat(client.get("/users/u1").path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(client.get("/users/u3").path("version").asLong()).isEqualTo(1);
        assertThat(client.send("GET", "/users/u2", null).status()).isEqualTo(404);
        assertThat(client.stat("duplicates")).isZero();

        JsonNode dlq = client.get("/admin/dlq");
        assertThat(dlq.path("count").asLong()).isEqualTo(1);
        assertThat(dlq.path("records").get(0).path("offset").asLong()).isEqualTo(refusedOffset);
        ConsumerRecord<byte[], byte[]> dead = readAll(DeadLetterTopic.nameFor(topic), 1).get(0);
        assertThat(dead.key()).isEqualTo("u2".getBytes(StandardCharsets.UTF_8));
        // The database refused it (not the decoder or the invariants): only the record-by-record path gets here.
        assertThat(text(dead, DeadLetterHeaders.EXCEPTION_FQCN)).isEqualTo("org.postgresql.util.PSQLException");

        assertThat(nextOffset(topic)).as("auth's stored offset covers all four records").isEqualTo(4);
        Await.until("Kafka's committed offset follows to 4", () -> {
          OffsetAndMetadata committed = admin.listConsumerGroupOffsets(env.get("CONSUMER_GROUP"))
              .partitionsToOffsetAndMetadata().get().get(new TopicPartition(topic, 0));
          return committed != null && committed.offset() == 4;
        });
      }
    }
  }

  @Test
  void anUnreachableRegistryPausesTheConsumerAndNothingIsDeadLettered() throws Exception {
    String topic = infrastructure.newTopic(1);
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic)) {
      producer.send("UserCreated", "u1", "ada@example.com", "ACTIVE", 1);
      infrastructure.stopRegistry();
      try (AuthService auth = AuthService.start(infrastructure.authEnv(topic, Map.of()))) {
        AuthClient client = new AuthClient(auth.url());
        Await.until("the consumer has retried", () -> client.stat("transientFailures") >= 2);
        assertThat(client.stat("deadLettered")).isZero();
        assertThat(client.stat("applied")).isZero();

        infrastructure.restartRegistry();
        Await.until("the event applies once the registry is back", () -> client.stat("applied") == 1);
        assertThat(client.stat("deadLettered")).isZero();
      } finally {
        infrastructure.restartRegistryIfStopped();
      }
    }
  }

  @Test
  void anUnreachableDatabasePausesTheConsumerAndNothingIsDeadLettered() throws Exception {
    String topic = infrastructure.newTopic(1);
    try (TcpProxy network = new TcpProxy(infrastructure.database().port());
        UserEventsProducer producer = new UserEventsProducer(infrastructure, topic)) {
      Map<String, String> env = infrastructure.authEnv(topic, Map.of(
          "DB_URL", "jdbc:postgresql://127.0.0.1:" + network.port() + "/postgres"));
      try (AuthService auth = AuthService.start(env)) {
        AuthClient client = new AuthClient(auth.url());
        producer.send("UserCreated", "u1", "one@example.com", "ACTIVE", 1);
        Await.until("the first event applies", () -> client.stat("applied") == 1);

        network.cut();
        try {
          producer.send("UserCreated", "u2", "two@example.com", "ACTIVE", 1);
          Await.until("the consumer has failed and retried", Duration.ofMinutes(3), () -> {
            AuthClient.Answer stats = client.send("GET", "/admin/stats", null);
            return stats.status() == 503 && stats.body().path("transientFailures").asLong() >= 2;
          });
        } finally {
          network.restore();
        }
        Await.until("the event applies once the database is back", Duration.ofMinutes(2),
            () -> client.stat("applied") == 2);
        assertThat(client.stat("deadLettered")).isZero();
        assertThat(client.get("/admin/dlq").path("count").asLong()).isZero();
      }
    }
  }

  @Test
  void replayAfterAReaderSchemaFixAppliesEachDeadLetterOnceAndKeepsTheOnesStillFailing(@TempDir Path fixed)
      throws Exception {
    String topic = infrastructure.newTopic(1);
    Map<String, String> env = infrastructure.authEnv(topic, Map.of());
    // user-service adds a status symbol; auth's reader enum has no default, so it cannot read LOCKED.
    Schema updatedWithLocked = new Schema.Parser().parse(AvroSchemaJson.withEnumSymbols(Files.readString(
        Path.of("..", "schemas", "user-events", "UserUpdated.avsc")), "UserStatus",
        List.of("ACTIVE", "SUSPENDED", "LOCKED")));
    try (UserEventsProducer producer = new UserEventsProducer(infrastructure, topic)) {
      producer.send("UserCreated", "u1", "ada@example.com", "ACTIVE", 1);
      GenericRecord locked = UserEventsProducer.event(updatedWithLocked, UUID.randomUUID(), "u1",
          "ada@example.com", "LOCKED", 2);
      producer.send(locked);
      producer.sendRaw("u9".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9}, new RecordHeaders());

      try (AuthService auth = AuthService.start(env)) {
        AuthClient client = new AuthClient(auth.url());
        Await.until("one applied, two dead-lettered",
            () -> client.stat("applied") == 1 && client.stat("deadLettered") == 2);
        assertThat(client.get("/users/u1").path("status").asText()).isEqualTo("ACTIVE");
      }

      // The fix, deployed: auth's reader enum gains a default, so an unknown status reads as SUSPENDED.
      writeFixedReaders(fixed);
      Map<String, String> fixedEnv = new java.util.HashMap<>(env);
      fixedEnv.put("READER_SCHEMAS_DIR", fixed.toString());
      try (AuthService auth = AuthService.start(fixedEnv)) {
        AuthClient client = new AuthClient(auth.url());
        JsonNode replay = client.send("POST", "/admin/dlq/replay", null).body();
        assertThat(replay.path("replayed").asInt()).isEqualTo(1);
        assertThat(replay.path("stillFailing").asInt()).isEqualTo(1);
        assertThat(client.get("/users/u1").path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(client.get("/users/u1").path("version").asLong()).isEqualTo(2);
        assertThat(client.get("/admin/dlq").path("count").asLong()).isEqualTo(1);

        JsonNode again = client.send("POST", "/admin/dlq/replay", null).body();
        assertThat(again.path("replayed").asInt()).isZero();
        assertThat(again.path("stillFailing").asInt()).isEqualTo(1);
        assertThat(client.stat("applied")).as("the replayed event applied once").isEqualTo(2);
        assertThat(client.get("/admin/dlq").path("records").get(0).path("replayAttempts").asInt()).isEqualTo(2);
      }
    }
  }

  private static void writeFixedReaders(Path directory) throws Exception {
    for (Schema schema : List.of(dev.handshake.example.user.UserCreated.getClassSchema(),
        dev.handshake.example.user.UserUpdated.getClassSchema(),
        dev.handshake.example.user.UserDeleted.getClassSchema())) {
      // UserDeleted has no status: written as it is
      String json = schema.getField("status") == null ? schema.toString(true)
          : AvroSchemaJson.withEnumDefault(schema.toString(), "UserStatus", "SUSPENDED");
      Files.writeString(directory.resolve(schema.getName() + ".avsc"), json);
    }
    assertThat(new Schema.Parser().parse(directory.resolve("UserCreated.avsc").toFile())
        .getField("status").schema().getEnumDefault()).isEqualTo("SUSPENDED");
  }

  /** auth's own stored offset for partition 0 of {@code topic}: the next record it will read. */
  private static long nextOffset(String topic) throws Exception {
    try (Connection connection = infrastructure.database().dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(
            "select next_offset from partition_offsets where topic = ? and partition = 0")) {
      select.setString(1, topic);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("a stored offset for " + topic).isTrue();
        return row.getLong(1);
      }
    }
  }

  private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
    Header found = record.headers().lastHeader(header);
    assertThat(found).as("header " + header).isNotNull();
    return new String(found.value(), StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Await.until(expected + " records on " + topic, () -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= expected;
      });
    }
    return records;
  }
}
