package dev.handshake.example.users;

import au.com.dius.pact.provider.PactVerifyProvider;
import dev.handshake.example.user.UserCreated;
import dev.handshake.example.user.UserDeleted;
import dev.handshake.example.user.UserUpdated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The records user-service's production code publishes, one factory per interaction its consumers expect. The
 * Handshake gate ({@code handshake:verify}) finds them by the interaction's description, calls them, and
 * checks the result against each consumer's contract; pact-jvm's own message runner uses the same annotation.
 * Each factory returns the whole Kafka record, built as the relay builds it: the event goes through the outbox
 * row ({@link OutboxWriter}'s type and payload) and {@link RelayRecords}, so the gate checks the real key (the
 * user id) and headers ({@code id}, {@code type}, {@code version}, {@code position}) as well as the value.
 */
public class UserEventFactories {
  private static final String TOPIC = "user-events";
  private static final long POSITION = 17;
  private static final User ADA = new User("42", "ada@example.com", "Ada", User.Status.ACTIVE, 1);

  private final UserEvents events = new UserEvents(
      () -> UUID.fromString("9b2f7c1e-4d3a-4b5c-8e6f-7a8b9c0d1e2f"),
      Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC));

  @PactVerifyProvider("a user was created")
  public ProducerRecord<String, Object> userCreated() {
    UserCreated event = events.created(ADA);
    return relayed(event.getEventId(), event.getUserId(), event.getVersion(), event);
  }

  @PactVerifyProvider("a user was updated")
  public ProducerRecord<String, Object> userUpdated() {
    UserUpdated event = events.updated(
        new User("42", "ada.lovelace@example.com", "Ada Lovelace", User.Status.SUSPENDED, 2));
    return relayed(event.getEventId(), event.getUserId(), event.getVersion(), event);
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, Object> userDeleted() {
    UserDeleted event = events.deleted(
        new User("42", "ada.lovelace@example.com", "Ada Lovelace", User.Status.SUSPENDED, 2));
    return relayed(event.getEventId(), event.getUserId(), event.getVersion(), event);
  }

  /** The outbox row {@link UserStore} writes for the event, as the relay reads it back and sends it. */
  private static ProducerRecord<String, Object> relayed(UUID eventId, String userId, long version,
                                                       SpecificRecord event) {
    OutboxEvent row = new OutboxEvent(POSITION, eventId, OutboxWriter.type(event), userId, version,
        OutboxWriter.payload(event));
    return RelayRecords.of(TOPIC, row);
  }
}
