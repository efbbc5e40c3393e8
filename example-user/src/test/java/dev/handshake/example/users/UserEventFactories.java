package dev.handshake.example.users;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records user-service's production code publishes, one factory per interaction its consumers expect and
 * per published version (v2's in {@link UserEventFactoriesV2}). The Handshake gate ({@code handshake:verify}) finds them by the interaction's
 * description (and, where the gate knows topics, by the record's topic: v1's {@code user-events} or v2's
 * {@code user-events.v2}), calls them, and checks the result against each consumer's contract; pact-jvm's own
 * message runner uses the same annotation. Each factory returns the whole Kafka record, built as the relay
 * builds it: the event goes through the outbox row ({@link OutboxWriter}'s type and payload, always v2) and
 * {@link RelayRecords} for the version, so the gate checks the real key (the user id) and headers ({@code id},
 * {@code type}, {@code version}, {@code position}) as well as the value.
 */
public class UserEventFactories {
  private static final String TOPIC = "user-events";
  private static final long POSITION = 17;
  static final User ADA = new User("42", "ada@example.com", "Ada", "", User.ACTIVE, 1);
  static final User ADA_SUSPENDED = new User("42", "ada.lovelace@example.com", "Ada", "Lovelace", "SUSPENDED", 2);

  private static final EventVersions VERSIONS = EventVersions.builtIn();

  /** The events as the production code builds them, with a fixed id and clock. */
  static UserEvents events() {
    return new UserEvents(VERSIONS.outbox(), () -> UUID.fromString("9b2f7c1e-4d3a-4b5c-8e6f-7a8b9c0d1e2f"),
        Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC));
  }

  private final UserEvents events = events();

  @PactVerifyProvider("a user was created")
  public ProducerRecord<String, Object> userCreated() {
    return relayed(EventVersion.V1, events.created(ADA));
  }

  @PactVerifyProvider("a user was updated")
  public ProducerRecord<String, Object> userUpdated() {
    return relayed(EventVersion.V1, events.updated(ADA_SUSPENDED));
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, Object> userDeleted() {
    return relayed(EventVersion.V1, events.deleted(ADA_SUSPENDED));
  }

  /** The outbox row {@link UserStore} writes for the event, as the relay reads it back and sends it in {@code version}. */
  static ProducerRecord<String, Object> relayed(EventVersion version, GenericRecord event) {
    OutboxEvent row = new OutboxEvent(POSITION, UUID.fromString(event.get("eventId").toString()),
        OutboxWriter.type(event), event.get("userId").toString(), (Long) event.get("version"),
        OutboxWriter.payload(event));
    return RelayRecords.of(version.topic(TOPIC), version, row, VERSIONS);
  }
}
