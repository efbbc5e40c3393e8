package dev.handshake.example.auth.consume;

import dev.handshake.example.auth.store.UnappliableEventException;
import dev.handshake.example.auth.store.UserChange;
import dev.handshake.example.auth.store.UserChange.Kind;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns a user event decoded with auth's reader schemas into a {@link UserChange}. It reads fields by name from a
 * {@link GenericRecord}, so it works for the generic records the consumer gets (reader schemas chosen at run time,
 * from {@code READER_SCHEMAS_DIR}) and for the generated classes the contract tests build.
 */
public final class UserEvents {
  private static final String NAMESPACE = "dev.handshake.example.user.";
  /** Version 1's events (topic user-events) and version 2's (user-events.v2): the fields auth reads are the same. */
  private static final String NAMESPACE_V2 = NAMESPACE + "v2.";
  private static final Map<String, Kind> KINDS = Map.of(
      NAMESPACE + "UserCreated", Kind.CREATED,
      NAMESPACE + "UserUpdated", Kind.UPDATED,
      NAMESPACE + "UserDeleted", Kind.DELETED,
      NAMESPACE_V2 + "UserCreated", Kind.CREATED,
      NAMESPACE_V2 + "UserUpdated", Kind.UPDATED,
      NAMESPACE_V2 + "UserDeleted", Kind.DELETED);

  private UserEvents() {
  }

  /** {@code sourcePosition}: user-service's outbox position (the record's {@code position} header), if known. */
  public static UserChange toChange(Object decoded, Long sourcePosition) {
    if (!(decoded instanceof GenericRecord record)) {
      throw new UnappliableEventException("Expected a user event record, got "
          + (decoded == null ? "null" : decoded.getClass().getName()));
    }
    String type = record.getSchema().getFullName();
    Kind kind = KINDS.get(type);
    if (kind == null) {
      throw new UnappliableEventException("auth-service does not handle events of type " + type
          + "; it handles " + KINDS.keySet());
    }
    return new UserChange(eventId(record), kind, text(record, "userId"), text(record, "email"),
        kind == Kind.DELETED ? null : text(record, "status"), version(record), sourcePosition);
  }

  private static UUID eventId(GenericRecord record) {
    Object value = field(record, "eventId");
    if (value instanceof UUID uuid) {
      return uuid;
    }
    try {
      return UUID.fromString(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new UnappliableEventException("eventId '" + value + "' of " + record.getSchema().getFullName()
          + " is not a UUID");
    }
  }

  /** A reader schema without a field auth needs is a deployment mistake: refuse the record, do not guess. */
  private static Object field(GenericRecord record, String name) {
    if (record.getSchema().getField(name) == null) {
      throw new UnappliableEventException("auth's reader schema for " + record.getSchema().getFullName()
          + " has no field " + name);
    }
    return record.get(name);
  }

  private static String text(GenericRecord record, String field) {
    Object value = field(record, field);
    return value == null ? null : value.toString();
  }

  private static long version(GenericRecord record) {
    Object value = field(record, "version");
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw new UnappliableEventException("version of " + record.getSchema().getFullName() + " is " + value);
  }
}
