package dev.handshake.example.users;

import dev.handshake.core.avro.AvroJsonView;
import dev.handshake.example.support.InvalidSettingException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The one place where user-service's event versions meet. The outbox holds every change once, as the richest
 * version (v2: given and family name, LOCKED); v1's event is derived from it here, for the relay and the gate's
 * factories alike:
 * <ul>
 *   <li>{@code displayName} = givenName + " " + familyName, trimmed (what {@link #displayName} returns);</li>
 *   <li>a status v1's UserStatus lacks: {@code LOCKED} goes out as {@code SUSPENDED} (the safe side: neither
 *       logs in); any other symbol v1 lacks cannot be published on v1, so the API refuses it while v1 is
 *       published ({@link #statusSymbols});</li>
 *   <li>every other field is copied by name (a v1 field v2 lacks takes its schema default).</li>
 * </ul>
 * {@code v1} is what {@code EVENT_SCHEMAS_DIR} names (a release whose v1 UserStatus declares LOCKED publishes it
 * as LOCKED); {@code v2} the files the jar was built with.
 */
record EventVersions(EventSchemas v1, EventSchemas v2) {
  static final String LOCKED = "LOCKED";
  static final String SUSPENDED = "SUSPENDED";

  EventVersions {
    Objects.requireNonNull(v1, "v1");
    Objects.requireNonNull(v2, "v2");
  }

  /** Both versions' schemas as the jar was built with them. */
  static EventVersions builtIn() {
    return new EventVersions(EventSchemas.builtIn(), EventSchemas.builtInV2());
  }

  /** The schemas the outbox's payloads are written with. */
  EventSchemas outbox() {
    return v2;
  }

  EventSchemas schemas(EventVersion version) {
    return version == EventVersion.V1 ? v1 : v2;
  }

  /** The outbox row as the event of {@code version}. */
  GenericRecord event(EventVersion version, OutboxEvent row) {
    Schema schema = v2.byType().get(row.type());
    if (schema == null) {
      throw new IllegalStateException("outbox event " + row.eventId() + " has type " + row.type()
          + ", which has no schema in " + v2.origin() + "; known: " + v2.byType().keySet());
    }
    // The JSON view back to the Avro record the production code built (core's AvroJsonView round-trips).
    GenericRecord event = (GenericRecord) AvroJsonView.fromJson(row.data(), schema);
    return version == EventVersion.V2 ? event : toV1(event);
  }

  /** The v1 event of a v2 event. */
  GenericRecord toV1(GenericRecord v2Event) {
    Schema schema = v1.schema(v2Event.getSchema().getName());
    GenericRecord event = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      event.put(field.pos(), switch (field.name()) {
        case "displayName" -> displayName(text(v2Event, "givenName"), text(v2Event, "familyName"));
        case "status" -> new GenericData.EnumSymbol(field.schema(), v1Status(text(v2Event, "status")));
        default -> v2Event.hasField(field.name()) ? v2Event.get(field.name()) : defaultOf(schema, field);
      });
    }
    return event;
  }

  /** v1's name of a user: given and family name joined by a space, trimmed (either may be empty). */
  static String displayName(String givenName, String familyName) {
    return (givenName + " " + familyName).strip();
  }

  /** The status a v1 event carries for {@code status}, or an exception when v1 cannot carry it. */
  String v1Status(String status) {
    if (v1.statusSymbols().contains(status)) {
      return status;
    }
    if (LOCKED.equals(status) && v1.statusSymbols().contains(SUSPENDED)) {
      return SUSPENDED;
    }
    throw new IllegalStateException("status " + status + " cannot be published on v1: UserStatus in " + v1.origin()
        + " has " + v1.statusSymbols());
  }

  /**
   * The statuses a user may have while {@code published} are published: v2's symbols (the outbox holds v2), less
   * those v1 can carry neither as is nor converted when v1 is published, and exactly v1's own when v2 is not.
   */
  List<String> statusSymbols(List<EventVersion> published) {
    boolean withV1 = published.contains(EventVersion.V1);
    boolean withV2 = published.contains(EventVersion.V2);
    return v2.statusSymbols().stream()
        .filter(status -> withV2 ? !withV1 || canCarryOnV1(status) : v1.statusSymbols().contains(status))
        .toList();
  }

  /**
   * Refuses to start while some user holds a status the published versions cannot carry (v2 no longer published,
   * or a release rolled back before its users were moved off the new symbol): their events could be written but
   * never published, and would hold up the relay.
   */
  void checkHeld(Collection<String> heldStatuses, List<EventVersion> published) {
    List<String> allowed = statusSymbols(published);
    List<String> missing = heldStatuses.stream().filter(status -> !allowed.contains(status)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new InvalidSettingException(EventSchemas.VARIABLE, "users hold status " + missing + ", which "
          + EventVersion.labels(published) + " cannot carry (UserStatus " + allowed + " with v1's schemas from "
          + v1.origin() + "); move those users to another status while running with the schemas or versions that"
          + " have it, or set " + EventSchemas.VARIABLE + " or " + EventVersion.VARIABLE + " to ones that do");
    }
  }

  private boolean canCarryOnV1(String status) {
    return v1.statusSymbols().contains(status) || LOCKED.equals(status) && v1.statusSymbols().contains(SUSPENDED);
  }

  private static String text(GenericRecord event, String field) {
    Object value = event.get(field);
    return value == null ? "" : value.toString();
  }

  private static Object defaultOf(Schema schema, Schema.Field field) {
    if (!field.hasDefaultValue()) {
      throw new IllegalStateException(schema.getFullName() + " has field " + field.name() + ", which v2 has not and"
          + " which has no default; give it one, or derive it in EventVersions");
    }
    return GenericData.get().getDefaultValue(field);
  }
}
