package dev.handshake.example.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handshake.core.avro.AvroJsonView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/**
 * Appends one event to the outbox inside the caller's transaction, in the layout Debezium's outbox event router
 * reads. The payload is the event's JSON view (core's {@link AvroJsonView}): what {@code GET /events} serves as
 * {@code data}, and what the relay turns back into the Avro record it publishes. The position stays NULL: the
 * {@link Sequencer} assigns it once the transaction has committed.
 */
final class OutboxWriter {
  static final String AGGREGATE_TYPE = "user";
  /** Writers NOTIFY this channel; the sequencer of every instance LISTENs to it. */
  static final String WRITTEN_CHANNEL = "outbox_written";

  private OutboxWriter() {}

  /** The outbox row's {@code type}: the event's record name, which the relay picks the schema by. */
  static String type(GenericRecord event) {
    return event.getSchema().getName();
  }

  /** The outbox row's {@code payload}: the event's JSON view. */
  static JsonNode payload(GenericRecord event) {
    return AvroJsonView.toJson(event, event.getSchema());
  }

  static void append(Connection connection, UUID eventId, String userId, long version, GenericRecord event)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, version) VALUES (?, ?, ?, ?, ?::json, ?)")) {
      insert.setObject(1, eventId);
      insert.setString(2, AGGREGATE_TYPE);
      insert.setString(3, userId);
      insert.setString(4, type(event));
      insert.setString(5, payload(event).toString());
      insert.setLong(6, version);
      insert.executeUpdate();
    }
    // Delivered only if, and when, the transaction commits.
    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
      notify.setString(1, WRITTEN_CHANNEL);
      notify.execute();
    }
  }
}
