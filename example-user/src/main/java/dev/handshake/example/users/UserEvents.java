package dev.handshake.example.users;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds the event of a user's change, as the outbox holds it: the richest version, v2 ({@link
 * EventVersions#outbox}, the producer-owned files in {@code schemas/user-events-v2}); the relay derives v1's from
 * it ({@link EventVersions#toV1}). Records are
 * built against those schemas rather than generated classes so a release whose UserStatus has another symbol is
 * the same code. What these methods return is exactly what goes on the wire, so the contract gate calls them
 * through the test factories.
 */
public final class UserEvents {
  private final EventSchemas schemas;
  private final Supplier<UUID> eventIds;
  private final Clock clock;

  UserEvents(EventSchemas schemas, Supplier<UUID> eventIds, Clock clock) {
    this.schemas = Objects.requireNonNull(schemas);
    this.eventIds = Objects.requireNonNull(eventIds);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Random event ids and the system clock: what the service runs with. */
  static UserEvents live(EventSchemas schemas) {
    return new UserEvents(schemas, UUID::randomUUID, Clock.systemUTC());
  }

  public GenericRecord created(User user) {
    return withState(schemas.schema("UserCreated"), user);
  }

  public GenericRecord updated(User user) {
    return withState(schemas.schema("UserUpdated"), user);
  }

  /** {@code user} as it was when deleted; the deletion itself is one more version. */
  public GenericRecord deleted(User user) {
    GenericRecord event = new GenericData.Record(schemas.schema("UserDeleted"));
    event.put("eventId", eventIds.get().toString());
    event.put("userId", user.id());
    event.put("email", user.email());
    event.put("version", user.version() + 1);
    event.put("occurredAt", now());
    return event;
  }

  /** The event id of a record these methods built. */
  static UUID eventId(GenericRecord event) {
    return UUID.fromString(event.get("eventId").toString());
  }

  private GenericRecord withState(Schema schema, User user) {
    GenericRecord event = new GenericData.Record(schema);
    event.put("eventId", eventIds.get().toString());
    event.put("userId", user.id());
    event.put("email", user.email());
    event.put("givenName", user.givenName());
    event.put("familyName", user.familyName());
    // The API only accepts symbols of these schemas (UserRoutes), so the symbol is valid here.
    event.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), user.status()));
    event.put("version", user.version());
    event.put("occurredAt", now());
    return event;
  }

  /** timestamp-millis holds milliseconds (the raw representation: no conversions registered on the wire). */
  private long now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
  }
}
