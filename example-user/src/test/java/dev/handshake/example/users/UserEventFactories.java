package dev.handshake.example.users;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

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
  private static final User ADA = new User("42", "ada@example.com", "Ada", User.ACTIVE, 1);

  private static final EventSchemas SCHEMAS = EventSchemas.builtIn();

  private final UserEvents events = new UserEvents(SCHEMAS,
      () -> UUID.fromString("9b2f7c1e-4d3a-4b5c-8e6f-7a8b9c0d1e2f"),
      Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC));

  @PactVerifyProvider("a user was created")
  public ProducerRecord<String, Object> userCreated() {
    return relayed(events.created(ADA));
  }

  @PactVerifyProvider("a user was updated")
  public ProducerRecord<String, Object> userUpdated() {
    return relayed(events.updated(new User("42", "ada.lovelace@example.com", "Ada Lovelace", "SUSPENDED", 2)));
  }

  @PactVerifyProvider("a user was deleted")
  public ProducerRecord<String, Object> userDeleted() {
    return relayed(events.deleted(new User("42", "ada.lovelace@example.com", "Ada Lovelace", "SUSPENDED", 2)));
  }

  /** The outbox row {@link UserStore} writes for the event, as the relay reads it back and sends it. */
  private static ProducerRecord<String, Object> relayed(GenericRecord event) {
    OutboxEvent row = new OutboxEvent(POSITION, UUID.fromString(event.get("eventId").toString()),
        OutboxWriter.type(event), event.get("userId").toString(), (Long) event.get("version"),
        OutboxWriter.payload(event));
    return RelayRecords.of(TOPIC, row, SCHEMAS);
  }
}
