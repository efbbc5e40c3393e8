package dev.handshake.example.auth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Publishes each user change to both versions' topics as user-service's relay does with
 * {@code PUBLISHED_VERSIONS=v1,v2}: the same event id and the same {@code position} header on user-events and
 * user-events.v2, v1 encoded with schemas/user-events and v2 with user-service's v2 schemas (a copy in
 * schemas/user-events-v2), LOCKED published on v1 as SUSPENDED. It also keeps the state each user should
 * end in, and how many changes it published.
 */
final class BothVersionsProducer implements AutoCloseable {
  /** The state user-service holds for one user, as v2 says it. */
  record Expected(String email, String status, long version, boolean deleted) {
  }

  private final UserEventsProducer v1;
  private final UserEventsProducer v2;
  private final AtomicLong positions = new AtomicLong();
  private final Map<String, Expected> expected = new HashMap<>();
  private long published;

  BothVersionsProducer(Infrastructure infrastructure, String v1Topic, String v2Topic) {
    this.v1 = new UserEventsProducer(infrastructure, v1Topic);
    this.v2 = new UserEventsProducer(infrastructure, v2Topic);
  }

  /** Creates {@code userId} if it does not exist yet, or changes its email and status. */
  synchronized void change(String userId, String status) throws Exception {
    Expected before = expected.get(userId);
    String type = before == null ? "UserCreated" : "UserUpdated";
    long version = before == null ? 1 : before.version() + 1;
    publish(type, new Expected(userId + "." + version + "@example.com", status, version, false), userId);
  }

  synchronized void delete(String userId) throws Exception {
    Expected before = expected.get(userId);
    publish("UserDeleted", new Expected(before.email(), before.status(), before.version() + 1, true), userId);
  }

  synchronized Map<String, Expected> expected() {
    return Map.copyOf(expected);
  }

  synchronized long published() {
    return published;
  }

  private void publish(String type, Expected state, String userId) throws Exception {
    UUID eventId = UUID.randomUUID();
    long position = positions.incrementAndGet();
    String v1Status = "LOCKED".equals(state.status()) ? "SUSPENDED" : state.status();
    v1.send(UserEventsProducer.event(UserEventsProducer.writerSchema(type), eventId, userId, state.email(), v1Status,
        state.version()), position);
    v2.send(v2Event(type, eventId, userId, state), position);
    expected.put(userId, state);
    published++;
  }

  private static GenericRecord v2Event(String type, UUID eventId, String userId, Expected state) {
    Schema schema = v2Schema(type);
    GenericRecord record = new GenericData.Record(schema);
    record.put("eventId", eventId.toString());
    record.put("userId", userId);
    record.put("email", state.email());
    record.put("version", state.version());
    record.put("occurredAt", System.currentTimeMillis());
    if (schema.getField("status") != null) {
      record.put("givenName", "Ada");
      record.put("familyName", "Lovelace");
      record.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), state.status()));
    }
    return record;
  }

  /** user-service's own v2 schema file, as its relay writes with it (the module's directory is the working one). */
  private static Schema v2Schema(String type) {
    try {
      return new Schema.Parser().parse(Path.of("..", "schemas", "user-events-v2", type + ".avsc").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (UserEventsProducer first = v1; UserEventsProducer second = v2) {
      // both closed
    }
  }
}
